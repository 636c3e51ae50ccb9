import { eventMetadataFor, EventMetadataSchema } from './metadata';

describe('event metadata', () => {
  const command = { commandId: 'c-7', actor: { userId: 'vp', role: 'secretariat' as const }, occurredOn: '2026-03-18' };

  it('derives event metadata from a command: the command id correlates when nothing else does', () => {
    const metadata = eventMetadataFor(command, '2026-03-24T02:30:00Z', 1);
    expect(metadata).toEqual({ ...command, recordedAt: '2026-03-24T02:30:00Z', correlationId: 'c-7', causationId: null, schemaVersion: 1 });
    expect(EventMetadataSchema.safeParse(metadata).success).toBe(true);
  });

  it('keeps the source document, correlation and causation ids given by the command', () => {
    const sourceDocument = { symbol: '180/TB-UBND', issuedOn: '2026-03-18' };
    const metadata = eventMetadataFor({ ...command, sourceDocument, correlationId: 'import-1', causationId: 'c-6' }, '2026-03-24T02:30:00Z', 2);
    expect(metadata).toMatchObject({ sourceDocument, correlationId: 'import-1', causationId: 'c-6', schemaVersion: 2 });
  });

  it('refuses a recordedAt without a time zone', () => {
    expect(EventMetadataSchema.safeParse({ ...eventMetadataFor(command, '2026-03-24T02:30:00Z', 1), recordedAt: '2026-03-24 09:30' }).success).toBe(false);
  });
});
