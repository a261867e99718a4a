import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index for every list order (issue 17): a page of a list reads its first rows from an index in
 * the list's order instead of sorting the whole filtered table. Each matches the list's keyset
 * (sort keys, then the id) and its fixed conditions; test/list-order-indexes.e2e-spec.ts checks
 * with EXPLAIN that the statements the API sends use them. Entities declare them
 * (`@Index(name, { synchronize: false })`).
 */
export const LIST_ORDER_INDEXES: Array<[name: string, definition: string]> = [
  // the directory: NAME (default), NEWEST, MEMBER_COUNT
  ['IDX_organization_name_page', 'organization (lower(name), id)'],
  ['IDX_organization_newest_page', 'organization (created_at DESC, id DESC)'],
  ['IDX_organization_members_page', 'organization ((coalesce(member_count, -1)) DESC, id)'],
  // projects (live, newest first) and Organization.projects
  ['IDX_project_live_page', 'project (created_at DESC, id DESC) WHERE archived_at IS NULL'],
  [
    'IDX_project_organization_live_page',
    'project (organization_id, created_at DESC, id DESC) WHERE archived_at IS NULL',
  ],
  ['IDX_indicator_change_project_page', 'indicator_change (project_id, created_at DESC, id DESC)'],
  // funds (published, by deadline), Organization.funds, the applications inbox of a fund
  ['IDX_fund_published_page', "fund (deadline, id) WHERE status <> 'DRAFT'"],
  ['IDX_fund_funder_page', 'fund (funder_id, created_at DESC, id DESC)'],
  [
    'IDX_fund_application_inbox_page',
    'fund_application (fund_id, submitted_at DESC, id DESC) WHERE submitted_at IS NOT NULL',
  ],
  ['IDX_training_offer_published_page', "training_offer (starts_at, id) WHERE status = 'PUBLISHED'"],
  // consultations (closing soonest, newest) and Organization.consultationInvitations
  ['IDX_consultation_closes_page', 'consultation (closes_at, id)'],
  ['IDX_consultation_newest_page', 'consultation (created_at DESC, id)'],
  [
    'IDX_consultation_invitation_organization_page',
    'consultation_invitation (organization_id, created_at DESC, id DESC)',
  ],
  // notification centre, verification queue, network requests, member invitations
  ['IDX_notification_user_page', 'notification (user_id, created_at DESC, id DESC)'],
  ['IDX_verification_event_queue_page', 'verification_event (to_status, created_at, id)'],
  ['IDX_network_membership_requests_page', 'network_membership (network_id, status, created_at, id)'],
  ['IDX_member_invitation_organization_page', 'member_invitation (organization_id, updated_at DESC, id DESC)'],
];

export class ListOrderIndexes1796100000001 implements MigrationInterface {
  name = 'ListOrderIndexes1796100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, definition] of LIST_ORDER_INDEXES) {
      const [table, rest] = definition.split(/ (.*)/s);
      await queryRunner.query(`CREATE INDEX "${name}" ON "${table}" ${rest}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of LIST_ORDER_INDEXES) await queryRunner.query(`DROP INDEX "${name}"`);
  }
}
