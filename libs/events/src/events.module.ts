import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@app/queue';
import { EventsService } from './events.service.js';
import { OutboxEvent } from './outbox-event.entity.js';

/** The transactional outbox and its dispatcher (recordEvent needs no injection). */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEvent]), QueueModule],
  providers: [EventsService],
  exports: [EventsService],
})
export class EventsModule {}
