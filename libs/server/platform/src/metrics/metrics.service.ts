import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { QueueDepth } from '../queues/queues.module';

/** The Prometheus registry of one API process. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(queueDepth: QueueDepth, @InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each BullMQ queue by state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { queue, state, count } of await queueDepth.read()) this.set({ queue, state }, count);
      },
    });
    new Gauge({
      name: 'outbox_pending_messages',
      help: 'Outbox rows committed but not yet moved to a queue',
      registers: [this.registry],
      async collect() {
        const [row] = await dataSource.query(
          `SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL`,
        );
        this.set(row.n);
      },
    });
  }
}
