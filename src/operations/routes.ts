import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { CoopMetrics } from './metrics';

/** Path of the readiness check: 200 when coop can answer, 503 with the reasons when it cannot. */
export const READY_PATH = '/readyz';
/** Path of the Prometheus metrics. */
export const METRICS_PATH = '/metrics';

/** What readiness depends on: each check resolves with a problem, or undefined when all is well. */
export type ReadinessCheck = () => Promise<string | undefined> | string | undefined;

/**
 * `GET /readyz` and `GET /metrics` for load balancers and Prometheus. `/readyz` runs every check (the
 * index is loaded, Slack is reachable, the database answers) and answers 200 `ready`, or 503 with one
 * reason a line.
 */
export function operationsRoutes(checks: ReadinessCheck[], metrics: CoopMetrics): CustomRoute[] {
  return [
    {
      path: READY_PATH,
      method: ['GET'],
      handler: (_request: IncomingMessage, response: ServerResponse) => {
        void readiness(checks).then((problems) => {
          response
            .writeHead(problems.length === 0 ? 200 : 503, { 'Content-Type': 'text/plain; charset=utf-8' })
            .end(problems.length === 0 ? 'ready\n' : `${problems.join('\n')}\n`);
        });
      },
    },
    {
      path: METRICS_PATH,
      method: ['GET'],
      handler: (_request: IncomingMessage, response: ServerResponse) => {
        void metrics.text().then(
          (text) => response.writeHead(200, { 'Content-Type': metrics.contentType }).end(text),
          () => response.writeHead(500).end(),
        );
      },
    },
  ];
}

/** The problems the checks report, none when coop is ready. A check that throws is a problem too. */
export async function readiness(checks: ReadinessCheck[]): Promise<string[]> {
  const results = await Promise.all(
    checks.map(async (check) => {
      try {
        return await check();
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    }),
  );
  return results.filter((problem): problem is string => problem !== undefined);
}
