import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { Ctx, CurrentUser } from '@app/common';
import type { AuthUser, GqlContext, RequestContext } from '@app/common';
import { AppConfig } from '@app/config';
import { FundApplication } from '@app/funds';
import { Organization, VerificationRequest } from '@app/organizations';
import { Project } from '@app/projects';
import { FileOwners } from './file-owners.js';
import { FilePurpose, StoredFile } from './file.entity.js';
import { CreateUploadArgs, UploadTicket } from './files.inputs.js';
import { FilesService } from './files.service.js';

/** The API's origin for links: PUBLIC_API_URL, or the origin the request came to. */
export function apiOrigin(config: AppConfig, req: Pick<Request, 'protocol' | 'get'>): string {
  return config.PUBLIC_API_URL ?? `${req.protocol}://${req.get('host')}`;
}

@Resolver(() => StoredFile)
export class FilesResolver {
  constructor(
    private readonly files: FilesService,
    private readonly config: AppConfig,
  ) {}

  @Mutation(() => UploadTicket, {
    description:
      'A single-use link to PUT the bytes of one file to (FILE_UPLOAD_TTL_SECONDS); the file is checked on its content and attached to its owner when they arrive',
  })
  createUpload(@CurrentUser() user: AuthUser, @Args() args: CreateUploadArgs, @Context('req') req: GqlContext['req']) {
    return this.files.createUpload(user, args, apiOrigin(this.config, req));
  }

  @Mutation(() => StoredFile, {
    description: 'Removes a file: the people who may attach one to its owner, while its owner allows it',
  })
  deleteFile(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string) {
    return this.files.remove(user, id);
  }

  @ResolveField(() => String, {
    description: 'A signed download link valid for FILE_URL_TTL_SECONDS (usable in <img src>)',
  })
  url(@Parent() file: StoredFile, @Context('req') req: GqlContext['req']) {
    return this.files.url(file, apiOrigin(this.config, req));
  }
}

@Resolver(() => Organization)
export class OrganizationFilesResolver {
  constructor(private readonly owners: FileOwners) {}

  @ResolveField(() => StoredFile, { nullable: true, description: 'Public' })
  async logo(@Parent() o: Organization, @Ctx() ctx: RequestContext) {
    const files = await ctx.loaders.files.byOwner.load(o.id);
    return files.find((f) => f.purpose === FilePurpose.LOGO) ?? null;
  }

  @ResolveField(() => [StoredFile], {
    description:
      "Registration certificates and other proof: the organization's OWNER/ADMIN and moderators; empty for anyone else",
  })
  async verificationEvidence(@Parent() o: Organization, @Ctx() ctx: RequestContext) {
    if (!this.owners.canReadEvidence(await ctx.access(), o.id)) return [];
    const files = await ctx.loaders.files.byOwner.load(o.id);
    return files.filter((f) => f.purpose === FilePurpose.VERIFICATION_EVIDENCE);
  }
}

@Resolver(() => FundApplication)
export class ApplicationFilesResolver {
  constructor(private readonly owners: FileOwners) {}

  @ResolveField(() => [StoredFile], {
    description:
      "The applicant's members, the funder's OWNER/ADMIN (once submitted) and moderators; empty for anyone else",
  })
  async attachments(@Parent() a: FundApplication, @Ctx() ctx: RequestContext) {
    const fund = await ctx.loaders.funds.fund.load(a.fundId);
    if (!fund) return [];
    const facts = {
      status: a.status,
      organizationId: a.organizationId,
      submittedAt: a.submittedAt,
      funderId: fund.funderId,
    };
    if (!this.owners.canReadAttachments(await ctx.access(), facts)) return [];
    return ctx.loaders.files.byOwner.load(a.id);
  }
}

@Resolver(() => Project)
export class ProjectFilesResolver {
  constructor(private readonly owners: FileOwners) {}

  @ResolveField(() => [StoredFile], { description: 'Whoever may see the project' })
  async documents(@Parent() p: Project, @Ctx() ctx: RequestContext) {
    if (!this.owners.canReadDocuments(await ctx.access(), p)) return [];
    return ctx.loaders.files.byOwner.load(p.id);
  }
}

@Resolver(() => VerificationRequest)
export class VerificationRequestFilesResolver {
  constructor(private readonly owners: FileOwners) {}

  @ResolveField(() => [StoredFile], {
    description: "The organization's verification evidence (registration certificates), oldest first",
  })
  async evidence(@Parent() r: VerificationRequest, @Ctx() ctx: RequestContext) {
    if (!this.owners.canReadEvidence(await ctx.access(), r.organizationId)) return [];
    const files = await ctx.loaders.files.byOwner.load(r.organizationId);
    return files.filter((f) => f.purpose === FilePurpose.VERIFICATION_EVIDENCE);
  }
}
