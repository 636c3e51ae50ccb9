import { eventStoreContract } from '@chidao/event-store/testing';
import { EventStoreDBClient } from '@eventstore/db-client';
import { eventStoreDbFixture } from './testing/esdb-fixture';
import { eventStoreDbAdapterSuite } from './testing/esdb-suite';

/*
 * The contract against a real EventStoreDB / KurrentDB server (docs/eventstoredb.md). No server can be
 * installed on chidao's development machines, so without EVENTSTORE_URL this reports itself skipped —
 * never green without having run.
 */

const url = process.env.EVENTSTORE_URL?.trim() ?? '';

if (url === '') {
  const skipped = 'EventStoreDB contract — skipped: EVENTSTORE_URL is not set (no EventStoreDB server on this machine); see docs/eventstoredb.md';
  // Jest lists a wholly skipped file only as a count, and drops its console output: write the reason past it.
  process.stderr.write(`\n${skipped}\n`);
  describe.skip(skipped, () => {
    it('runs the EventStore contract and the adapter suite against the server at EVENTSTORE_URL', () => undefined);
  });
} else {
  jest.setTimeout(60_000);
  const shown = url.replace(/\/\/[^@/]*@/, '//***@');
  const connect = () => EventStoreDBClient.connectionString(url);
  eventStoreContract(`EventStoreDB at ${shown}`, eventStoreDbFixture(connect));
  eventStoreDbAdapterSuite(`EventStoreDB at ${shown}`, connect);
}
