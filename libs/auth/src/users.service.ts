import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { NotFoundError } from '@app/common';
import { PlatformRole, User } from './user.entity.js';

@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<User[]> {
    return this.dataSource.getRepository(User).findBy({ id: In([...ids]) });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ email: email.trim().toLowerCase() });
  }

  /** The ids of the moderators and admins (who is told of a new verification request). */
  async moderatorIds(): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(User)
      .find({ select: { id: true }, where: { platformRole: In([PlatformRole.MODERATOR, PlatformRole.ADMIN]) } });
    return rows.map((u) => u.id);
  }

  /** Admin CLI: grants a platform role. */
  async promote(email: string, role: PlatformRole): Promise<User> {
    const user = await this.findByEmail(email);
    if (!user) throw new NotFoundError('User', email);
    user.platformRole = role;
    return this.dataSource.getRepository(User).save(user);
  }
}
