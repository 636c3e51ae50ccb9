import type { Position } from './types';

/*
 * Positions are two non-negative integers written with 20 digits each, so that plain string
 * comparison is numeric order: `00000000000000000012:00000000000000000345`.
 */

const WIDTH = 20;
const PATTERN = /^\d{20}:\d{20}$/;

/** Builds a position from its two parts (bigints or safe integers). */
export const makePosition = (major: bigint | number | string, minor: bigint | number | string): Position =>
  `${BigInt(major).toString().padStart(WIDTH, '0')}:${BigInt(minor).toString().padStart(WIDTH, '0')}`;

/** The two parts of a position. */
export const positionParts = (position: Position): { readonly major: bigint; readonly minor: bigint } => {
  const [major, minor] = position.split(':');
  return { major: BigInt(major!), minor: BigInt(minor!) };
};

/** True when `value` is a well-formed position. */
export const isPosition = (value: unknown): value is Position => typeof value === 'string' && PATTERN.test(value);

/** Orders two positions. */
export const comparePositions = (a: Position, b: Position): number => (a < b ? -1 : a > b ? 1 : 0);
