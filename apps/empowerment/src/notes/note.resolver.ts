import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { enrolmentStreamId } from '@haven/empowerment/contracts';
import {
  BeneficiaryErased,
  enrolmentDecider,
  type EnrolmentCommand,
} from '@haven/empowerment/domain';
import { NoteRow } from '@haven/empowerment/read-models';
import { check } from '@haven/platform/domain';
import {
  actorOf,
  commandMetadata,
  CommandRunner,
  defineCommand,
  type GraphQLContext,
  PersonalData,
  principalOf,
} from '@haven/platform/nest';
import {
  openPersonalFields,
  PersonKeyDestroyedError,
  sealPersonalFields,
} from '@haven/platform/privacy';
import { Policy } from '@haven/platform/security';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { authoriseOnEnrolment, KnownBeneficiaries } from '../enrolments/enrolment.commands';
import { Enrolment } from '../enrolments/enrolment.types';
import { EmpowermentPolicy } from '../policies';
import { MAX_NOTE } from '../validation';
import { EmpowermentNote, EmpowermentNotePayload, RecordEmpowermentNoteInput } from './note.types';
import { noteDigest } from './note-digest';

/** The name the text is sealed under (bound into the ciphertext with the person's id). */
const FIELD = 'note';

/** Notes: sealed with the person's key before they reach the log; every read logged. */
@Resolver(() => Enrolment)
export class NoteResolver {
  private readonly record;

  constructor(
    @Inject(CommandRunner) private readonly commands: CommandRunner,
    @Inject(PersonalData) private readonly privacy: PersonalData,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(KnownBeneficiaries) beneficiaries: KnownBeneficiaries,
  ) {
    this.record = defineCommand({
      decider: enrolmentDecider,
      streamId: (input: RecordEmpowermentNoteInput & { noteId: string }) =>
        enrolmentStreamId(input.enrolmentId.toLowerCase()),
      authorise: authoriseOnEnrolment,
      async command(input, state, { metadata }): Promise<EnrolmentCommand> {
        const text = check.optionalText(input.text, 'text', MAX_NOTE);
        let sealedText = '';
        let textDigest = '';
        let erased = false;
        if (state.status !== 'NONE' && text !== null) {
          erased = await beneficiaries.erased(state.beneficiaryId);
          try {
            sealedText = (
              await sealPersonalFields(privacy.keys, state.beneficiaryId, { [FIELD]: text })
            )[FIELD] as string;
          } catch (error) {
            if (error instanceof PersonKeyDestroyedError) throw new BeneficiaryErased();
            throw error;
          }
          textDigest = await noteDigest(privacy.keys, state.beneficiaryId, metadata.actorId, text);
        }
        return {
          type: 'RecordEmpowermentNote',
          data: {
            erased,
            noteId: input.noteId,
            topic: input.topic,
            writtenOn: input.writtenOn,
            sealedText,
            textDigest,
          },
          metadata,
        };
      },
    });
  }

  @Policy(EmpowermentPolicy.work)
  @Mutation(() => EmpowermentNotePayload, {
    description: 'A counselling note or the family situation, sealed with the person’s key.',
  })
  async recordEmpowermentNote(
    @Args('input') input: RecordEmpowermentNoteInput,
    @Context() context: GraphQLContext,
  ): Promise<EmpowermentNotePayload> {
    const noteId = (input.noteId ?? uuidv7()).toLowerCase();
    const result = await this.commands.run(
      this.record,
      { ...input, noteId },
      {
        principal: principalOf(context),
        metadata: commandMetadata(context),
      },
    );
    return { id: noteId, streamVersion: result.streamVersion, node: { id: noteId } };
  }

  @Policy(EmpowermentPolicy.readNotes)
  @ResolveField(() => [EmpowermentNote], {
    description: 'Counselling notes and family situation, opened for you and logged.',
  })
  async notes(
    @Parent() enrolment: Enrolment,
    @Context() context: GraphQLContext,
  ): Promise<EmpowermentNote[]> {
    const rows = await this.dataSource
      .getRepository(NoteRow)
      .find({ where: { enrolmentId: enrolment.id }, order: { position: 'ASC' } });
    if (rows.length === 0) return [];
    // The access log first: a value nobody logged never leaves the service.
    const requestId = (context.req as { id?: unknown }).id;
    await this.privacy.accessLog.record(
      rows.map((row) => ({
        ...actorOf(context),
        recordType: 'EmpowermentNote',
        recordId: row.id,
        fields: ['text'],
        purpose: null,
        breakGlass: false,
        requestId: requestId == null ? null : String(requestId),
      })),
    );
    return Promise.all(
      rows.map(async (row) => {
        const opened = await openPersonalFields(this.privacy.keys, row.beneficiaryId, {
          [FIELD]: row.sealedText,
        });
        return {
          id: row.id,
          topic: row.topic as EmpowermentNote['topic'],
          writtenOn: row.writtenOn,
          writtenBy: row.writtenBy,
          text: opened.values[FIELD],
        };
      }),
    );
  }
}
