import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';
import type { Anchor, AnchorHead, Position } from './types';

/*
 * The hash chain (DESIGN.md, Storage). Every event's digest covers a canonical encoding of its type,
 * data, metadata and stream; its hash chains the previous event's hash, the digest and its revision:
 *
 *   digest = sha256(canonical({ type, data, metadata, stream }))
 *   hash   = sha256(previousHash ‖ digest ‖ revision as 8 bytes big-endian)   (no previousHash at revision 0)
 *
 * Altering, removing, inserting or reordering any event breaks the chain from there on.
 */

/** Hex SHA-256 of the canonical encoding of an event's content. */
export const eventDigest = (event: { readonly type: string; readonly data: unknown; readonly metadata: unknown }, stream: string): string =>
  createHash('sha256').update(canonicalJson({ type: event.type, data: event.data, metadata: event.metadata, stream }), 'utf8').digest('hex');

const revisionBytes = (revision: number): Buffer => {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(revision));
  return bytes;
};

/** The chain hash of an event from the previous hash, its digest and its revision. */
export const chainHash = (previousHash: string | null, digest: string, revision: number): string => {
  const hash = createHash('sha256');
  if (previousHash !== null) hash.update(Buffer.from(previousHash, 'hex'));
  return hash.update(Buffer.from(digest, 'hex')).update(revisionBytes(revision)).digest('hex');
};

/** Sorts heads by stream so an anchor's encoding does not depend on the order a backend listed them. */
export const sortHeads = (heads: readonly AnchorHead[]): readonly AnchorHead[] =>
  [...heads].sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));

/** The hash of an anchor: chains the previous anchor's hash, its sequence, position and heads. */
export const anchorHash = (previousHash: string | null, sequence: number, position: Position, heads: readonly AnchorHead[]): string =>
  createHash('sha256')
    .update(previousHash ?? '')
    .update(canonicalJson({ sequence, position, heads: sortHeads(heads) }), 'utf8')
    .digest('hex');

/** Builds the next anchor after `previous`. */
export const buildAnchor = (previous: Anchor | null, position: Position, heads: readonly AnchorHead[]): Anchor => {
  const sequence = previous === null ? 0 : previous.sequence + 1;
  const previousHash = previous?.hash ?? null;
  const sorted = sortHeads(heads);
  return { sequence, position, heads: sorted, previousHash, hash: anchorHash(previousHash, sequence, position, sorted) };
};
