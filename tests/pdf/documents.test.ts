import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPageFacts } from '../../src/adapters/pdf/documents.ts';

describe('readPageFacts', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'pledge-page-facts-')); });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function factsOf(html: string) {
    const file = path.join(dir, 'page.html');
    await writeFile(file, html);
    return readPageFacts(file);
  }

  it('reads the language, the pledge meta tags (entities decoded, any attribute order) and the title', async () => {
    expect(await factsOf('<!doctype html><html data-x="1" lang="pt-BR"><head><meta charset="utf-8"><title> Relatório </title>'
      + '<meta content="Cozinha &amp; Cia" name="pledge:company"><meta name="pledge:period" content="2026-Q1">'
      + '<meta name="pledge:data-date" content="2026-03-31T18:00:00Z"></head><body><meta name="pledge:company" content="not the head"></body></html>'))
      .toEqual({ language: 'pt-BR', company: 'Cozinha & Cia', period: '2026-Q1', dataDate: '2026-03-31T18:00:00Z', title: 'Relatório' });
  });

  it('leaves out what the page does not say, and ignores the body', async () => {
    expect(await factsOf('<html><head><meta name="pledge:period" content=" "></head><body><title>late</title><h1>x</h1></body></html>'))
      .toEqual({ language: undefined, company: undefined, period: undefined, dataDate: undefined, title: undefined });
  });
});
