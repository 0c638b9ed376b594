import type { Route } from './route.js'
import { healthRoute } from './routes/health.js'
import { readyRoute } from './routes/ready.js'
import { openApiRoute } from './routes/openapi.js'
import { listRunsRoute } from './routes/list-runs.js'
import { getRunRoute } from './routes/get-run.js'
import { startRunRoute } from './routes/start-run.js'
import { runEventsRoute } from './routes/run-events.js'
import { listReviewRoute } from './routes/list-review.js'
import { resolveReviewRoute } from './routes/resolve-review.js'
import { explainRoute } from './routes/explain.js'
import { metricsRoute } from './routes/metrics.js'

/** Every route of the API; a new route is a new file and a line here. */
export function routeTable(): readonly Route[] {
  const routes: Route[] = [healthRoute, readyRoute, listRunsRoute, startRunRoute, getRunRoute, runEventsRoute, listReviewRoute, resolveReviewRoute, explainRoute, metricsRoute]
  // The document lists itself too: it reads the finished table when asked.
  routes.push(openApiRoute(() => routes))
  return routes
}
