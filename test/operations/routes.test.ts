import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CoopMetrics } from '../../src/operations/metrics';
import { METRICS_PATH, operationsRoutes, READY_PATH, type ReadinessCheck } from '../../src/operations/routes';

/** Serves the operations routes on loopback, as Bolt's receiver does, and GETs one of them. */
async function get(
  checks: ReadinessCheck[],
  path: string,
  metrics = new CoopMetrics(),
): Promise<{ status: number; type: string; body: string }> {
  const routes = operationsRoutes(checks, metrics);
  const server: Server = createServer((request, response) => {
    const route = routes.find((candidate) => candidate.path === request.url);
    if (route) route.handler(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('the readiness check a load balancer reads', () => {
  it('is 200 "ready" when every check passes, whether it answers at once or later', async () => {
    const ready = await get([() => undefined, async () => undefined], READY_PATH);
    expect(ready).toEqual({ status: 200, type: 'text/plain; charset=utf-8', body: 'ready\n' });
  });

  it('is 503 with each problem on its own line, a check that throws counting as one', async () => {
    const notReady = await get(
      [
        () => 'index has no passages',
        () => undefined,
        async () => 'Slack is unreachable',
        () => {
          throw new Error('database: connection refused');
        },
        () => Promise.reject('store closed'),
      ],
      READY_PATH,
    );
    expect(notReady.status).toBe(503);
    expect(notReady.type).toBe('text/plain; charset=utf-8');
    expect(notReady.body).toBe(
      'index has no passages\nSlack is unreachable\ndatabase: connection refused\nstore closed\n',
    );
  });
});

describe('the metrics Prometheus scrapes', () => {
  it("are served in the registry's format, counting what was asked", async () => {
    const metrics = new CoopMetrics();
    metrics.questions.inc({ surface: 'slack', answered: 'true' });
    const scraped = await get([], METRICS_PATH, metrics);
    expect(scraped.status).toBe(200);
    expect(scraped.type).toBe(metrics.contentType);
    expect(scraped.body).toMatch(/coop_questions_total\{surface="slack",answered="true"\} 1/);
  });

  it('answer 500 when the metrics cannot be read, rather than hanging the scrape', async () => {
    const metrics = new CoopMetrics();
    jest.spyOn(metrics, 'text').mockRejectedValue(new Error('collect failed'));
    expect((await get([], METRICS_PATH, metrics)).status).toBe(500);
  });
});
