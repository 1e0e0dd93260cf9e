import assert from "node:assert/strict";
import { test } from "node:test";
import { ChannelClosedError, Connection, Pipe, Process, Thread } from "../../src/index.js";

test("a Pipe carries messages both ways with a thread", async () => {
  const [mine, theirs] = Pipe<number>();
  const doubler = new Thread((c: Connection<number>) => {
    for (;;) {
      let n: number;
      try {
        n = c.recv() as number;
      } catch {
        return "closed";
      }
      c.send(n * 2);
    }
  }, theirs).start();
  for (const n of [1, 2, 3]) {
    await mine.send(n);
    assert.equal(await mine.recv(), n * 2);
  }
  mine.close();
  assert.equal(await doubler.join(), "closed");
});

test("a Pipe works with a process; poll says whether recv would wait", async () => {
  const [mine, theirs] = Pipe<string>();
  assert.equal(await mine.poll(), false);
  const child = new Process(async (c: Connection<string>) => {
    const hello = await c.recv();
    await c.send(`${hello} from ${process.pid}`);
    return c.poll(50);
  }, theirs).start();
  await mine.send("ping");
  assert.equal(await mine.poll(5000), true);
  assert.equal(await mine.recv(), `ping from ${child.pid}`);
  assert.equal(await child.join(), false, "nothing more came within 50 ms");
});

test("a one-way Pipe, and a closed one", async () => {
  const [reader, writer] = Pipe<number>({ duplex: false });
  assert.equal(reader.writable, false);
  assert.equal(writer.readable, false);
  await assert.rejects(Promise.resolve(reader.send(1)), /ne fait que recevoir/);
  await assert.rejects(Promise.resolve(writer.recv()), /ne fait qu'envoyer/);
  await writer.send(7);
  writer.close();
  assert.equal(await reader.recv(), 7);
  assert.equal(await reader.poll(), true, "recv would not wait: it would say closed");
  await assert.rejects(Promise.resolve(reader.recv()), (e: unknown) => e instanceof ChannelClosedError && /le pipe est fermé/.test((e as Error).message));
  await assert.rejects(Promise.resolve(writer.send(8)), (e: unknown) => e instanceof ChannelClosedError && /sur un pipe fermé/.test((e as Error).message));
  assert.throws(() => Pipe({ duplex: "no" as never }), TypeError);
});
