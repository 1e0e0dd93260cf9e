// Notebook 04's and 07's checkers against the teacher's solutions and students' plausible wrong answers.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "../../scripts/paths.js";
import { test } from "node:test";
import { checks, Lock } from "../../src/index.js";
import { captureStdout } from "../helpers/capture.js";

const said = (run: () => Promise<void>) => captureStdout(run);
type Api = (key: string, callback: checks.NodeCallback<number | string>) => void;

test("toPromise: the teacher's wrapper passes", async () => {
  const right = (api: Api) => (key: string) => new Promise<number | string>((fulfil, reject) => api(key, (e, r) => (e ? reject(e) : fulfil(r!))));
  assert.match(await said(() => checks.toPromise(right)), /^✅ /);
});

test("toPromise: each kind of wrong wrapper gets a hint naming its fault", async () => {
  // Returns the callback API's return value (undefined): no promise at all.
  assert.match(await said(() => checks.toPromise((api: Api) => ((key: string) => api(key, () => {})) as never)), /^❌ .*pas une promesse/);
  // Decides on the result instead of the error: 0 and "" reject.
  assert.match(await said(() => checks.toPromise((api: Api) => (key: string) => new Promise((ok, ko) => api(key, (e, r) => (r ? ok(r) : ko(e)))))), /^❌ .*c'est le premier argument du rappel, l'erreur, qui décide/);
  // Ignores the error: the promise is fulfilled with undefined.
  assert.match(await said(() => checks.toPromise((api: Api) => (key: string) => new Promise((ok) => api(key, (_e, r) => ok(r!))))), /^❌ .*doit rompre la promesse/);
  // Rejects with a new error of its own instead of the API's.
  assert.match(await said(() => checks.toPromise((api: Api) => (key: string) => new Promise((ok, ko) => api(key, (e, r) => (e ? ko(new Error("échec")) : ok(r!)))))), /^❌ .*telle quelle/);
  // Calls the API twice (once to "test" it).
  assert.match(await said(() => checks.toPromise((api: Api) => (key: string) => {
    api(key, () => {});
    return new Promise((ok, ko) => api(key, (e, r) => (e ? ko(e) : ok(r!))));
  })), /^❌ l'API a été appelée 2 fois/);
  // One shared variable for every call: the last answer wins.
  assert.match(await said(() => checks.toPromise((api: Api) => {
    let last: number | string | undefined;
    return (key: string) => new Promise((ok, ko) => api(key, (e, r) => {
      if (e) return ko(e);
      last = r;
      setTimeout(() => ok(last!), 60);
    }));
  })), /^❌ .*le résultat de son propre rappel/);
  // Not a function at all.
  assert.match(await said(() => checks.toPromise((() => 42) as never)), /^❌ versPromesse doit renvoyer une fonction/);
});

test("allAtOnce: Promise.all passes, awaiting one by one does not", async () => {
  assert.match(await said(() => checks.allAtOnce((tasks) => Promise.all(tasks.map((t) => t())))), /^✅ /);
  assert.match(await said(() => checks.allAtOnce(async (tasks) => {
    const out = [];
    for (const t of tasks) out.push(await t());
    return out;
  })), /^❌ .*l'une après l'autre/);
  assert.match(await said(() => checks.allAtOnce(async (tasks) => Promise.all(tasks.map((t) => t())).then((r) => r.reverse()))), /^❌ la fonction a renvoyé/);
});

test("noOverdraft: the check-then-act race on one thread is caught, a lock fixes it, the comparison is checked at its edge", async () => {
  const naive = async (account: checks.Compte, amount: number, askBank: () => Promise<void>) => {
    if (account.solde < amount) return false;
    await askBank();
    account.solde -= amount;
    return true;
  };
  assert.match(await said(() => checks.noOverdraft(naive)), /^❌ le solde est passé à -/);
  const lock = new Lock();
  const locked = async (account: checks.Compte, amount: number, askBank: () => Promise<void>) => {
    await lock.acquire();
    try {
      return await naive(account, amount, askBank);
    } finally {
      lock.release();
    }
  };
  assert.match(await said(() => checks.noOverdraft(locked)), /^✅ /);
  // Under the lock, but the wrong comparison: each fails on one of the two accounts, whatever the draws.
  const lockedIf = (enough: (solde: number, amount: number) => boolean) => async (account: checks.Compte, amount: number, askBank: () => Promise<void>) => {
    await lock.acquire();
    try {
      if (!enough(account.solde, amount)) return false;
      await askBank();
      account.solde -= amount;
      return true;
    } finally {
      lock.release();
    }
  };
  assert.match(await said(() => checks.noOverdraft(lockedIf((solde, amount) => solde > amount))), /^❌ \d retraits accordés sur \d, solde (\d+) : .*il en faut exactement \d.*\(un solde de \1 suffit/);
  assert.match(await said(() => checks.noOverdraft(lockedIf((solde) => solde > 0))), /^❌ le solde est passé à -\d+ : un retrait de \d+ a été accordé sur un solde de \d+\. .*couvrir le montant/);
  assert.match(await said(() => checks.noOverdraft(async () => false)), /^❌ 0 retraits accordés/);
  // Debits without asking the bank.
  assert.match(await said(() => checks.noOverdraft(async (account, amount) => (account.solde >= amount ? ((account.solde -= amount), true) : false))), /^❌ la banque n'a été consultée que 0 fois/);
});

test("everyOutcome: allSettled passes; forEach(async), Promise.all, one by one and a forgotten await do not", async () => {
  const right = async (items: number[], job: (x: number) => Promise<number>) =>
    (await Promise.allSettled(items.map(job))).map((o) => (o.status === "fulfilled" ? o.value : (o.reason as Error)));
  assert.match(await said(() => checks.everyOutcome(right)), /^✅ /);
  const forEachAsync = async (items: number[], job: (x: number) => Promise<number>) => {
    const out: Array<number | Error> = [];
    items.forEach(async (x, i) => {
      try { out[i] = await job(x); } catch (e) { out[i] = e as Error; }
    });
    return out;
  };
  assert.match(await said(() => checks.everyOutcome(forEachAsync)), /^❌ .*forEach n'attend pas/);
  assert.match(await said(() => checks.everyOutcome((items, job) => Promise.all(items.map(job)))), /^❌ .*Promise.all abandonne à la première erreur/);
  const oneByOne = async (items: number[], job: (x: number) => Promise<number>) => {
    const out: Array<number | Error> = [];
    for (const x of items) {
      try { out.push(await job(x)); } catch (e) { out.push(e as Error); }
    }
    return out;
  };
  assert.match(await said(() => checks.everyOutcome(oneByOne)), /^❌ au plus 1 traitement/);
  const noAwait = async (items: number[], job: (x: number) => Promise<number>) => {
    const promises = items.map((x) => job(x).catch((e: Error) => e));
    await Promise.allSettled(promises);
    return promises as never;
  };
  assert.match(await said(() => checks.everyOutcome(noAwait)), /^❌ la case 0 est une promesse/);
  // All started at once, then awaited one by one: a later failure waits unhandled meanwhile. The
  // test runner fails a test on any unhandled rejection, so this answer runs in a child process.
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", `
    const { checks } = await import(${JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, "dist", "src", "index.js")).href)});
    await checks.everyOutcome(async (items, job) => {
      const promises = items.map(job);
      const out = [];
      for (const p of promises) {
        try { out.push(await p); } catch (e) { out.push(e); }
      }
      return out;
    });`], { encoding: "utf8", timeout: 30_000 });
  assert.match(child.stdout, /^❌ \d traitement\(s\) ont échoué alors que personne n'attendait/, child.stderr);
  // Errors turned into their message: not the error itself.
  assert.match(await said(() => checks.everyOutcome(async (items, job) =>
    (await Promise.allSettled(items.map(job))).map((o) => (o.status === "fulfilled" ? o.value : (o.reason as Error).message)) as never)), /^❌ .*renvoyez l'erreur elle-même/);
  // Results in the order they finished.
  assert.match(await said(() => checks.everyOutcome(async (items, job) => {
    const out: Array<number | Error> = [];
    await Promise.all(items.map((x) => job(x).then((v) => out.push(v), (e: Error) => out.push(e))));
    return out;
  })), /^❌ pour l'élément/);
});
