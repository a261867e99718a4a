import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In, ObjectLiteral } from 'typeorm';
import { BadInputError } from '@app/common';
import { CapacityAreaInfo, Country, Language, Sdg, Theme } from './reference.entities.js';

export interface ReferenceLoaders {
  country: DataLoader<string, Country | null>;
  language: DataLoader<string, Language | null>;
  theme: DataLoader<string, Theme | null>;
  sdg: DataLoader<number, Sdg | null>;
}

declare module '@app/common' {
  interface RequestLoaders {
    reference: ReferenceLoaders;
  }
}

type CodeEntity = typeof Country | typeof Language | typeof Theme;

/** Reference data: lists, validation of codes in inputs, and per-request loaders. */
@Injectable()
export class ReferenceDataService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  countries() {
    return this.dataSource.getRepository(Country).find({ order: { name: 'ASC' } });
  }
  languages() {
    return this.dataSource.getRepository(Language).find({ order: { name: 'ASC' } });
  }
  themes() {
    return this.dataSource.getRepository(Theme).find({ order: { name: 'ASC' } });
  }
  sdgs() {
    return this.dataSource.getRepository(Sdg).find({ order: { number: 'ASC' } });
  }
  capacityAreas() {
    return this.dataSource.getRepository(CapacityAreaInfo).find({ order: { name: 'ASC' } });
  }

  /** BAD_USER_INPUT naming the field and the first unknown country code. */
  assertCountries(field: string, codes: readonly string[] | null | undefined): Promise<void> {
    return this.assertCodes(Country, field, codes, 'country');
  }
  assertLanguages(field: string, codes: readonly string[] | null | undefined): Promise<void> {
    return this.assertCodes(Language, field, codes, 'language');
  }
  assertThemes(field: string, codes: readonly string[] | null | undefined): Promise<void> {
    return this.assertCodes(Theme, field, codes, 'theme');
  }
  assertSdgs(field: string, numbers: readonly number[] | null | undefined): void {
    const bad = (numbers ?? []).find((n) => !Number.isInteger(n) || n < 1 || n > 17);
    if (bad !== undefined) throw new BadInputError(field, `${field}: ${bad} is not an SDG (1..17)`, { code: bad });
  }

  private async assertCodes(
    entity: CodeEntity,
    field: string,
    codes: readonly string[] | null | undefined,
    what: string,
  ): Promise<void> {
    if (!codes || codes.length === 0) return;
    const unique = [...new Set(codes)];
    const found = await this.dataSource.getRepository<{ code: string }>(entity).find({
      select: { code: true },
      where: { code: In(unique) },
    });
    const known = new Set(found.map((row) => row.code));
    const unknown = unique.find((code) => !known.has(code));
    if (unknown !== undefined) {
      throw new BadInputError(field, `${field}: unknown ${what} code "${unknown}"`, { code: unknown });
    }
  }

  createLoaders(): ReferenceLoaders {
    const byKey = <K, V extends ObjectLiteral>(entity: { new (): V }, key: keyof V & string) =>
      new DataLoader<K, V | null>(async (keys) => {
        const rows = await this.dataSource.getRepository<V>(entity).find({ where: { [key]: In([...keys]) } as never });
        const map = new Map(rows.map((row) => [row[key] as unknown as K, row]));
        return keys.map((k) => map.get(k) ?? null);
      });
    return {
      country: byKey<string, Country>(Country, 'code'),
      language: byKey<string, Language>(Language, 'code'),
      theme: byKey<string, Theme>(Theme, 'code'),
      sdg: byKey<number, Sdg>(Sdg, 'number'),
    };
  }
}

/** Resolves a list of codes to rows through a loader, dropping unknown codes. */
export async function loadAll<K, V>(
  loader: DataLoader<K, V | null>,
  keys: readonly K[] | null | undefined,
): Promise<V[]> {
  if (!keys || keys.length === 0) return [];
  const rows = await loader.loadMany(keys);
  return rows.filter((row): row is V => !!row && !(row instanceof Error));
}
