import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { trim } from '@app/common';
import { FilePurpose } from './file.entity.js';

@ArgsType()
export class CreateUploadArgs {
  @Field(() => FilePurpose)
  @IsEnum(FilePurpose)
  purpose: FilePurpose;

  @Field(() => ID, {
    description:
      'LOGO and VERIFICATION_EVIDENCE: the organization; APPLICATION_ATTACHMENT: the application; PROJECT_DOCUMENT: the project',
  })
  @IsString()
  ownerId: string;

  @Field({ description: 'Shown to readers and used as the download name (its extension follows the content)' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'fileName must not be empty' })
  @MaxLength(200, { message: 'fileName must be at most 200 characters' })
  @Matches(/^[^\p{Cc}\\/]+$/u, { message: 'fileName must not hold control characters or folders' })
  fileName: string;

  @Field({ description: 'The type the content will have: checked against the bytes' })
  @IsString()
  @MaxLength(100)
  contentType: string;

  @Field(() => Int, { description: 'Bytes the client will send (the upload refuses more)' })
  @IsInt()
  @Min(1, { message: 'size must be at least 1 byte' })
  @Max(2_000_000_000)
  size: number;
}

@ObjectType({ description: 'Where and how to send the bytes of one file: once, before expiresAt' })
export class UploadTicket {
  @Field({ description: 'PUT (or POST) the raw bytes here with the declared Content-Type; no Authorization needed' })
  uploadUrl: string;

  @Field({ description: 'PUT or POST' })
  method: string;

  @Field()
  expiresAt: Date;

  @Field(() => Int, { description: 'The largest body the upload accepts' })
  maxSize: number;
}
