import { Injectable, MiddlewareConsumer, Module, NestMiddleware, NestModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** Times every request; the route label is the matched pattern, never the raw path. */
@Injectable()
class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const stop = this.metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      const pattern = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      stop({ route: pattern, status: String(res.statusCode) });
    });
    next();
  }
}

@Module({
  controllers: [MetricsController],
  providers: [MetricsService, HttpMetricsMiddleware],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*splat}');
  }
}
