// A value written into a statement sent without parameters (a batch of several in one round trip).
import pg from 'pg';

export const sqlLiteral = (value: string): string => pg.escapeLiteral(value);
