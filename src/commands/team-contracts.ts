// The channel team's own support contracts, as a function that applies them to any release.
import type { Release } from '../catalog/catalog.js';
import { applyContract, type Contract } from '../contracts/apply-contract.js';
import type { CommandDeps, Speaker } from './command-types.js';

export type WithContract = (release: Release) => Release;

/** The team's contracts, applied to any release they cover. */
export async function contractsOf(
  deps: CommandDeps,
  speaker: Pick<Speaker, 'workspace' | 'channel'>,
): Promise<WithContract> {
  if (deps.storeIsAbsent?.(deps.store)) return (release) => release;
  return withContracts(await (await deps.store()).contracts(speaker));
}

/** Contracts already read (the Home tab has every channel's at hand), applied to any release they cover. */
export function withContracts(contracts: Readonly<Record<string, Contract>>): WithContract {
  if (Object.keys(contracts).length === 0) return (release) => release;
  return (release) => applyContract(release, contracts[`${release.productName}/${release.name}`]);
}
