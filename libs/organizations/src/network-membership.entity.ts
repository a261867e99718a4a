import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { CreatedEntity } from '@app/persistence';
import { Organization } from './organization.entity.js';

export enum NetworkRequestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(NetworkRequestStatus, { name: 'NetworkRequestStatus' });

/** An organization's request to join a DIASPORA_NETWORK, decided by the network's OWNER/ADMIN. */
@ObjectType('NetworkMembershipRequest', {
  description: "An organization's request to join a network (createdAt: when it was first made)",
})
@Index('IDX_network_membership_requests_page', { synchronize: false }) // list order (migration ListOrderIndexes)
@Entity('network_membership')
@Index('UQ_network_membership', ['networkId', 'organizationId'], { unique: true })
export class NetworkMembership extends CreatedEntity {
  @ManyToOne(() => Organization, { onDelete: 'CASCADE', nullable: false })
  network?: Organization;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE', nullable: false })
  organization?: Organization;

  @Index('IDX_network_membership_organization')
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => NetworkRequestStatus)
  @Column({ type: 'enum', enum: NetworkRequestStatus, enumName: 'network_request_status' })
  status: NetworkRequestStatus;

  @Column({ type: 'uuid' })
  requestedById: string;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;
}
