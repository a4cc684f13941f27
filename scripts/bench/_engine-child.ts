/** Child process of the KPI benchmark: evaluates a bench project and prints {seconds, rows, maxRssMb, threads, periods}. */
import { evaluateProject } from '../../src/adapters/evaluate.ts';
import { lastWorkerCount } from '../../src/adapters/data/parallel.ts';
import { loadProject } from '../../src/adapters/project.ts';

const root = process.argv[2] ?? '.';
const start = performance.now();
const project = await loadProject(root, root);
const evaluation = await evaluateProject(project);
const seconds = (performance.now() - start) / 1000;
const result = evaluation.kpis[0];
console.log(JSON.stringify({
  seconds, rows: result?.rowsRead ?? 0, maxRssMb: process.resourceUsage().maxRSS / 1024, threads: lastWorkerCount() ?? 1,
  periods: result?.buckets.map((b) => [b.period, b.n]) ?? [],
}));
