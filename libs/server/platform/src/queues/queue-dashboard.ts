import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AppConfig } from '../config/config';
import { knownQueues, redisOptionsFromUrl } from './queues';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board over every known queue, for administrators: waiting, delayed,
 * failed jobs, retries. `handlers` must run after the session middleware.
 */
export function queueDashboard(config: AppConfig): { handlers: RequestHandler[]; close: () => Promise<void> } {
  const queues = knownQueues.map(
    (name) => new Queue(name, { connection: redisOptionsFromUrl(config.REDIS_URL), prefix: config.QUEUE_PREFIX }),
  );
  for (const queue of queues) queue.on('error', () => undefined);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Cổng Dịch vụ công — hàng đợi' } },
  });
  const adminOnly = (req: Request, res: Response, next: NextFunction): void => {
    const roles = (req.user as { roles?: string[] } | undefined)?.roles ?? [];
    if (roles.includes('admin')) return next();
    if (!req.user) return res.redirect(302, `/sign-in?returnUrl=${encodeURIComponent(QUEUE_DASHBOARD_PATH)}`);
    res
      .status(403)
      .type('text/plain; charset=utf-8')
      .send('Chỉ quản trị viên được xem trang này. / Administrators only.');
  };
  return {
    handlers: [adminOnly, serverAdapter.getRouter() as RequestHandler],
    close: async () => {
      await Promise.all(queues.map((queue) => queue.close().catch(() => undefined)));
    },
  };
}
