import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Locale, NotFoundError, pageSize, requireId, translate } from '@app/common';
import { Organization, OrganizationKind } from '@app/organizations';
import { MatchReason, OrganizationMatch, scoreOf } from './match.models.js';
import { pointColumnsSql, points, reasonsFromRow, SqlParams, withScore } from './sql-kit.js';
import { PARTNER_WEIGHTS as W } from './weights.js';

/** Diaspora-side kinds, and the origin-side kinds that complement them (docs/domain.md, "Partner suggestions"). */
export const DIASPORA_KINDS = [
  OrganizationKind.DIASPORA_ORGANIZATION,
  OrganizationKind.MIGRANT_ASSOCIATION,
  OrganizationKind.DIASPORA_NETWORK,
];
export const ORIGIN_PARTNER_KINDS = [
  OrganizationKind.NGO,
  OrganizationKind.LOCAL_AUTHORITY,
  OrganizationKind.PRIVATE_SECTOR,
];

export const PARTNER_FACTORS = Object.keys(W) as Array<keyof typeof W>;

interface Row {
  id: string;
  shared_themes: string[];
  shared_countries: string[];
  source_themes: number;
  source_countries: number;
  in_origin: boolean;
  shares_network: boolean;
  [column: string]: unknown;
}

/**
 * The SQL of partner suggestions (docs/matching.md, "Partners"), built with the SQL kit: candidates of
 * the complementary kinds sharing a theme and a country, not already PROPOSED/ACTIVE partners; every
 * factor a point column (one rounding rule), the score their sum, reasons read from the columns.
 */
export function partnerSuggestionsSql(organizationId: string, diaspora: boolean, limit: number): [string, unknown[]] {
  const params = new SqlParams();
  const source = params.add(organizationId, 'uuid');
  const kinds = params.add(diaspora ? ORIGIN_PARTNER_KINDS : DIASPORA_KINDS, 'organization_kind[]');
  const seenFromDiaspora = params.add(diaspora, 'boolean');
  const terms: Record<keyof typeof W, string> = {
    THEMES: points(W.THEMES, 'cardinality(shared_themes)::float8 / greatest(source_themes, 1)'),
    GEOGRAPHY: points(W.GEOGRAPHY, 'cardinality(shared_countries)::float8 / greatest(source_countries, 1)'),
    ORIGIN_PRESENCE: points(W.ORIGIN_PRESENCE, 'in_origin::int'),
    NETWORK: points(W.NETWORK, 'shares_network::int'),
  };
  const sql = `WITH s AS (
  SELECT o.id, o.themes, o.countries_of_origin, o.countries_of_residence,
         ARRAY(SELECT DISTINCT x FROM unnest(o.countries_of_origin || coalesce(
           (SELECT array_agg(pc) FROM project p, unnest(p.countries) pc
             WHERE p.organization_id = o.id AND p.archived_at IS NULL), '{}')) AS x) AS countries,
         ARRAY(SELECT nm.network_id FROM network_membership nm
                WHERE nm.organization_id = o.id AND nm.status = 'ACCEPTED') AS networks
    FROM organization o WHERE o.id = ${source}),
c AS (
  SELECT o.id, o.name, o.themes, o.countries_of_origin, o.countries_of_residence,
         o.countries_of_origin || o.countries_of_residence || coalesce(
           (SELECT array_agg(pc) FROM project p, unnest(p.countries) pc
             WHERE p.organization_id = o.id AND p.archived_at IS NULL), '{}') AS known_countries
    FROM organization o, s
   WHERE o.id <> s.id
     AND o.kind = ANY(${kinds})
     AND o.themes && s.themes
     AND NOT EXISTS (
           SELECT 1 FROM partnership pt
            WHERE pt.status IN ('PROPOSED', 'ACTIVE')
              AND ((pt.initiator_id = s.id AND pt.partner_id = o.id) OR (pt.partner_id = s.id AND pt.initiator_id = o.id)))),
f AS (
  SELECT c.id, c.name,
         ARRAY(SELECT unnest(c.themes) INTERSECT SELECT unnest(s.themes) ORDER BY 1) AS shared_themes,
         ARRAY(SELECT unnest(c.known_countries) INTERSECT SELECT unnest(s.countries) ORDER BY 1) AS shared_countries,
         cardinality(s.themes) AS source_themes,
         cardinality(s.countries) AS source_countries,
         CASE WHEN ${seenFromDiaspora} THEN c.countries_of_residence && s.countries_of_origin
              ELSE c.countries_of_origin && s.countries_of_residence END AS in_origin,
         (c.id = ANY(s.networks) OR EXISTS (
            SELECT 1 FROM network_membership nm
             WHERE nm.organization_id = c.id AND nm.status = 'ACCEPTED'
               AND (nm.network_id = ANY(s.networks) OR nm.network_id = s.id))) AS shares_network
    FROM c, s)
${withScore(PARTNER_FACTORS, `SELECT f.*, ${pointColumnsSql(PARTNER_FACTORS, terms)} FROM f WHERE cardinality(shared_countries) > 0`)}
 ORDER BY score DESC, name ASC, id ASC
 LIMIT ${params.add(limit, 'int')}`;
  return [sql, params.values];
}

@Injectable()
export class PartnerSuggestionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The reasons are written in `locale`. */
  async suggest(organizationId: string, first?: number | null, locale: Locale = 'en'): Promise<OrganizationMatch[]> {
    requireId(organizationId, 'Organization');
    const limit = pageSize(first);
    const source = await this.dataSource.getRepository(Organization).findOneBy({ id: organizationId });
    if (!source) throw new NotFoundError('Organization', organizationId);
    const diaspora = DIASPORA_KINDS.includes(source.kind);
    const [sql, params] = partnerSuggestionsSql(organizationId, diaspora, limit);
    const rows: Row[] = await this.dataSource.query(sql, params);
    const organizations = await this.dataSource
      .getRepository(Organization)
      .createQueryBuilder('o')
      .where('o.id = ANY(:ids)', { ids: rows.map((r) => r.id) })
      .getMany();
    const byId = new Map(organizations.map((o) => [o.id, o]));
    return rows.map((row) => {
      const reasons = partnerReasons(row, diaspora, locale);
      return { organization: byId.get(row.id) as Organization, project: null, score: scoreOf(reasons), reasons };
    });
  }
}

/** The reasons of one row, read from its point columns (exported for the unit specs). */
export function partnerReasons(row: Row, diaspora: boolean, locale: Locale = 'en'): MatchReason[] {
  return reasonsFromRow(PARTNER_FACTORS, row, (factor) => {
    switch (factor) {
      case 'THEMES':
        return translate(locale, 'partnerReason.THEMES', {
          shared: row.shared_themes.length,
          total: row.source_themes,
          themes: row.shared_themes.join(', '),
        });
      case 'GEOGRAPHY':
        return translate(locale, 'partnerReason.GEOGRAPHY', {
          shared: row.shared_countries.length,
          total: row.source_countries,
          countries: row.shared_countries.join(', '),
        });
      case 'ORIGIN_PRESENCE':
        return translate(
          locale,
          diaspora ? 'partnerReason.ORIGIN_PRESENCE.diaspora' : 'partnerReason.ORIGIN_PRESENCE.origin',
        );
      case 'NETWORK':
        return translate(locale, 'partnerReason.NETWORK');
      default:
        return factor;
    }
  });
}
