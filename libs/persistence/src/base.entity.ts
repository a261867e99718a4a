import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/*
 * The columns every table shares: a uuid id and millisecond timestamps (ms precision keeps keyset
 * cursors exact in JavaScript). Every entity extends one of the three classes below instead of
 * repeating them. The classes are abstract GraphQL types, so the fields they mark with @Field appear
 * on every GraphQL type built on them (and nowhere else: an entity that is no @ObjectType shows none).
 */

/** id (GraphQL `id: ID!`) and createdAt, which GraphQL does not show (memberships, indicators, measurements). */
@ObjectType({ isAbstract: true })
export abstract class RowEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** id and createdAt, both shown (`createdAt: DateTime!`): rows written once, such as histories. */
@ObjectType({ isAbstract: true })
export abstract class CreatedEntity extends RowEntity {
  @Field()
  declare createdAt: Date;
}

/**
 * id, createdAt (shown) and updatedAt, kept by TypeORM on every save. GraphQL does not show
 * updatedAt; a type that does re-declares it with `@Field() declare updatedAt: Date`.
 */
@ObjectType({ isAbstract: true })
export abstract class BaseEntity extends CreatedEntity {
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
