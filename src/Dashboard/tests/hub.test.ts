import { describe, expect, it, vi } from 'vitest';
import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import { RESYNC, runHub } from '../lib/hub';

/** Just enough of a HubConnection: starts at once and lets the test push messages. */
function fakeConnection() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const fake = {
    state: HubConnectionState.Disconnected,
    start: vi.fn(async () => { fake.state = HubConnectionState.Connected; }),
    stop: vi.fn(async () => { fake.state = HubConnectionState.Disconnected; }),
    on: (name: string, handler: (...args: unknown[]) => void) => { handlers.set(name, handler); },
    onreconnecting: () => {},
    onreconnected: () => {},
    onclose: () => {},
    push: (name: string, ...args: unknown[]) => handlers.get(name)?.(...args),
  };
  return fake;
}

describe('the hub lifecycle', () => {
  it('runs the reconnect hook when the gateway asks for a resync', async () => {
    const connection = fakeConnection();
    const calls: boolean[] = [];
    let connected!: () => void;
    const first = new Promise<void>((resolve) => { connected = resolve; });
    const handle = runHub(connection as unknown as HubConnection, {
      onConnected: (reconnected) => { calls.push(reconnected); connected(); },
    });
    await first;

    connection.push(RESYNC, { reason: 'registryRestarted' });

    expect(calls).toEqual([false, true]);
    await handle.stop();
  });
});
