import { Injectable } from '@nestjs/common';
import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export enum CountryRole {
  RESIDENCE = 'RESIDENCE',
  ORIGIN = 'ORIGIN',
}
registerEnumType(CountryRole, {
  name: 'CountryRole',
  description:
    'Which of an organization’s countries: where it is based (RESIDENCE) or where its members come from (ORIGIN).',
});

@ObjectType({ description: 'How many directory organizations name one country.' })
export class CountryOrganizationCount {
  @Field({ description: 'ISO 3166-1 alpha-2 code.' })
  code: string;

  @Field(() => Int)
  count: number;
}

const COLUMNS: Record<CountryRole, string> = {
  [CountryRole.RESIDENCE]: 'countries_of_residence',
  [CountryRole.ORIGIN]: 'countries_of_origin',
};

/**
 * Organizations per country for the portal's world map: the same organizations the public directory
 * lists (every organization is public), counted once per country they name, in one GROUP BY.
 */
@Injectable()
export class OrganizationCountsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byCountry(by: CountryRole): Promise<CountryOrganizationCount[]> {
    const column = COLUMNS[by];
    const rows: Array<{ code: string; count: number | string }> = await this.dataSource.query(
      `SELECT c.code, count(DISTINCT o.id)::int AS count
         FROM organization o CROSS JOIN LATERAL unnest(o.${column}) AS c(code)
        GROUP BY c.code
        ORDER BY count DESC, c.code`,
    );
    return rows.map((row) => ({ code: row.code, count: Number(row.count) }));
  }
}
