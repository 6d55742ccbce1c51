// Where each request's answer goes, from the command definitions (`reply` unless one says otherwise).
import type { Destination } from './command-definition.js';
import { commandList } from './command-list.js';
import type { Request } from './command-types.js';

const destinations = new Map(
  commandList.flatMap((definition) => Object.entries(definition.answers ?? {}) as [Request['kind'], Destination][]),
);

export const destinationOf = (kind: Request['kind']): Destination => destinations.get(kind) ?? 'reply';
