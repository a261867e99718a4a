import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError, pageSize, requireId } from '@app/common';
import { Organization, OrganizationKind } from '@app/organizations';
import { MatchReason, OrganizationMatch, scoreOf } from './match.models.js';
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

interface Row {
  id: string;
  shared_themes: string[];
  shared_countries: string[];
  source_themes: number;
  source_countries: number;
  in_origin: boolean;
  shares_network: boolean;
  themes_points: string;
  geography_points: string;
  origin_points: string;
  network_points: string;
  score: string;
}

@Injectable()
export class PartnerSuggestionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async suggest(organizationId: string, first?: number | null): Promise<OrganizationMatch[]> {
    requireId(organizationId, 'Organization');
    const limit = pageSize(first);
    const source = await this.dataSource.getRepository(Organization).findOneBy({ id: organizationId });
    if (!source) throw new NotFoundError('Organization', organizationId);
    const diaspora = DIASPORA_KINDS.includes(source.kind);
    const kinds = diaspora ? ORIGIN_PARTNER_KINDS : DIASPORA_KINDS;
    const rows: Row[] = await this.dataSource.query(
      `WITH s AS (
         SELECT o.id, o.themes, o.countries_of_origin, o.countries_of_residence,
                ARRAY(SELECT DISTINCT x FROM unnest(o.countries_of_origin || coalesce(
                  (SELECT array_agg(pc) FROM project p, unnest(p.countries) pc
                    WHERE p.organization_id = o.id AND p.archived_at IS NULL), '{}')) AS x) AS countries,
                ARRAY(SELECT nm.network_id FROM network_membership nm
                       WHERE nm.organization_id = o.id AND nm.status = 'ACCEPTED') AS networks
           FROM organization o WHERE o.id = $1),
       c AS (
         SELECT o.id, o.name, o.themes, o.countries_of_origin, o.countries_of_residence,
                o.countries_of_origin || o.countries_of_residence || coalesce(
                  (SELECT array_agg(pc) FROM project p, unnest(p.countries) pc
                    WHERE p.organization_id = o.id AND p.archived_at IS NULL), '{}') AS known_countries
           FROM organization o, s
          WHERE o.id <> s.id
            AND o.kind = ANY($2::organization_kind[])
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
                CASE WHEN $3 THEN c.countries_of_residence && s.countries_of_origin
                     ELSE c.countries_of_origin && s.countries_of_residence END AS in_origin,
                (c.id = ANY(s.networks) OR EXISTS (
                   SELECT 1 FROM network_membership nm
                    WHERE nm.organization_id = c.id AND nm.status = 'ACCEPTED'
                      AND (nm.network_id = ANY(s.networks) OR nm.network_id = s.id))) AS shares_network
           FROM c, s),
       p AS (
         SELECT f.*,
                round($4::numeric * cardinality(shared_themes) / greatest(source_themes, 1), 4) AS themes_points,
                round($5::numeric * cardinality(shared_countries) / greatest(source_countries, 1), 4) AS geography_points,
                CASE WHEN in_origin THEN round($6::numeric, 4) ELSE 0 END AS origin_points,
                CASE WHEN shares_network THEN round($7::numeric, 4) ELSE 0 END AS network_points
           FROM f WHERE cardinality(shared_countries) > 0)
       SELECT p.*, themes_points + geography_points + origin_points + network_points AS score
         FROM p
        ORDER BY score DESC, name ASC, id ASC
        LIMIT $8`,
      [organizationId, kinds, diaspora, W.THEMES, W.GEOGRAPHY, W.ORIGIN_PRESENCE, W.NETWORK, limit],
    );
    const organizations = await this.dataSource
      .getRepository(Organization)
      .createQueryBuilder('o')
      .where('o.id = ANY(:ids)', { ids: rows.map((r) => r.id) })
      .getMany();
    const byId = new Map(organizations.map((o) => [o.id, o]));
    return rows.map((row) => {
      const reasons = this.reasons(row, diaspora);
      return { organization: byId.get(row.id) as Organization, project: null, score: scoreOf(reasons), reasons };
    });
  }

  private reasons(row: Row, diaspora: boolean): MatchReason[] {
    const reasons: MatchReason[] = [
      {
        factor: 'THEMES',
        points: Number(row.themes_points),
        detail: `Shares ${row.shared_themes.length} of ${row.source_themes} themes: ${row.shared_themes.join(', ')}`,
      },
      {
        factor: 'GEOGRAPHY',
        points: Number(row.geography_points),
        detail: `Knows ${row.shared_countries.length} of ${row.source_countries} of your countries: ${row.shared_countries.join(', ')}`,
      },
    ];
    if (row.in_origin) {
      reasons.push({
        factor: 'ORIGIN_PRESENCE',
        points: Number(row.origin_points),
        detail: diaspora
          ? 'Based in a country your community comes from'
          : 'Its community comes from a country where you work',
      });
    }
    if (row.shares_network) {
      reasons.push({
        factor: 'NETWORK',
        points: Number(row.network_points),
        detail: 'Belongs to the same diaspora network',
      });
    }
    return reasons;
  }
}
