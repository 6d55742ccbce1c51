// A connector: a workspace's link to a device manager (Microsoft Intune through Graph, or Jamf Pro) that
// feeds one channel's counts, with rules picking which devices are that team's. What it reads, what a
// sync found, and the rules, as plain data.

type ConnectorKind = 'intune' | 'jamf';

export interface ConnectorSettings {
  name: string;
  kind: ConnectorKind;
  channel: string;
  clientId: string;
  /** Intune: the Entra tenant (id or domain). */
  tenant?: string;
  /** Jamf Pro: the server, such as https://x.jamfcloud.com. */
  url?: string;
  /** `field=value` or `field^=prefix`; every rule must hold for a device to count. */
  where: string[];
}

export interface SyncSummary {
  at: string;
  ok: boolean;
  /** Devices read, and of them the team's (passing the rules). */
  devices: number;
  matched: number;
  /** OS strings no release was found for, most devices first. */
  unmapped: { os: string; devices: number }[];
  error?: string;
}

/** One device as a device manager describes it: its fields as flat text (rules and mapping read these). */
export type DeviceRecord = Readonly<Record<string, string>>;

export interface WhereRule {
  field: string;
  prefix: boolean;
  value: string;
}

const RULE = /^([A-Za-z][A-Za-z0-9_.]{0,60})(\^?=)(.{1,200})$/;

/** `deviceName^=MET-` -> a rule; null for text that is not one. */
export function parseWhereRule(text: string): WhereRule | null {
  const match = RULE.exec(text.trim());
  if (!match) return null;
  return { field: match[1] as string, prefix: match[2] === '^=', value: match[3] as string };
}

/** Whether a device passes every rule (no rules: every device). Text compares without case. */
export function matchesRules(device: DeviceRecord, rules: readonly WhereRule[]): boolean {
  return rules.every((rule) => {
    const value = (device[rule.field] ?? '').toLowerCase();
    const wanted = rule.value.toLowerCase();
    return rule.prefix ? value.startsWith(wanted) : value === wanted;
  });
}

/** Reads every device a connector sees, with its secret opened; throws with the reason when it cannot. */
export type DeviceReader = (connector: ConnectorSettings, secret: string) => Promise<DeviceRecord[]>;
