import { Inject } from '@nestjs/common';
import { Args, Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { principalOf, type GraphQLContext } from '@haven/platform/nest';
import { decryptField } from '@haven/platform/privacy';
import { countriesInScope, inScope, permits, Policy } from '@haven/platform/security';
import { BeneficiaryAccess } from '../beneficiaries/beneficiary-access';
import { BeneficiaryReadModel } from '../beneficiaries/beneficiary-read-model';
import { toBeneficiary } from '../beneficiaries/beneficiary.mapper';
import { Beneficiary } from '../beneficiaries/beneficiary.types';
import { pageAfter } from '../paging';
import { AccessRecorder } from '../personal-data/access-recorder';
import { Privacy } from '../personal-data/privacy';
import { requestedFields } from '../personal-data/requested-fields';
import { ProtectionPolicy } from '../policies';
import { outOfScope, SEALED_CASE_FIELDS } from './case.commands';
import { CaseReadModel } from './case-read-model';
import { TIMELINE_CURSOR } from './case.mapper';
import { CasePersonalDataArgs } from './case.inputs';
import { CaseVictim, GuardianContact, InvestigationNote, ProtectionCase } from './case.types';
import { TimelineArgs, TimelineConnection } from './timeline.types';
import { timelineConnection } from './timeline';

/**
 * Opens a case's sealed text for one request, once the read is in the access log. Null values
 * when the case's key is gone (erased).
 */
async function openSealed(
  privacy: Privacy,
  caseId: string,
  field: string,
  sealed: readonly string[],
): Promise<Array<string | null>> {
  const key = await privacy.keys.existingKey(caseId);
  if (!key) return sealed.map(() => null);
  try {
    return sealed.map((value) => decryptField(key, value, { subjectId: caseId, field }));
  } finally {
    key.fill(0);
  }
}

/** Investigation notes: anyone who reads the case sees that they exist; only case workers, their text. */
@Resolver(() => ProtectionCase)
export class CaseNotesResolver {
  constructor(
    @Inject(CaseReadModel) private readonly readModel: CaseReadModel,
    @Inject(AccessRecorder) private readonly recorder: AccessRecorder,
    @Inject(Privacy) private readonly privacy: Privacy,
  ) {}

  @Policy(ProtectionPolicy.readCases)
  @ResolveField(() => [InvestigationNote], {
    description:
      'Oldest first. Their `text` is for case workers: decrypted for this request, and the read ' +
      'logged first (who, which case, when, the purpose given).',
  })
  async investigationNotes(
    @Parent() parent: ProtectionCase,
    @Args() { purpose }: CasePersonalDataArgs,
    @Context() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InvestigationNote[]> {
    const notes = await this.readModel.notes(context, parent.id);
    const principal = principalOf(context);
    // Only a reader allowed the text gets it; for anyone else `text`'s own policy refuses it.
    const opening =
      notes.length > 0 &&
      requestedFields(info, ['text']).length > 0 &&
      permits(ProtectionPolicy.readCasePersonalData, principal);
    let texts: Array<string | null> = notes.map(() => null);
    if (opening) {
      // Checked again here, as this is the field that matters most.
      if (!inScope(principal, parent)) throw outOfScope(parent.country);
      await this.recorder.record(context, {
        recordType: 'ProtectionCase',
        recordId: parent.id,
        fields: ['investigationNotes.text'],
        purpose: purpose ?? null,
        breakGlass: false,
      });
      texts = await openSealed(
        this.privacy,
        parent.id,
        SEALED_CASE_FIELDS.note,
        notes.map((note) => note.text),
      );
    }
    return notes.map((note, index) => ({
      id: note.id,
      addedAt: note.addedAt,
      addedBy: note.actorId,
      role: note.role,
      text: texts[index],
    }));
  }
}

@Resolver(() => GuardianContact)
export class GuardianContactResolver {
  constructor(
    @Inject(AccessRecorder) private readonly recorder: AccessRecorder,
    @Inject(Privacy) private readonly privacy: Privacy,
  ) {}

  @Policy(ProtectionPolicy.readCasePersonalData)
  @ResolveField(() => String, {
    nullable: true,
    description:
      'Names and how to reach them: decrypted for case workers, the read logged first. Null ' +
      "once the case's personal data is erased.",
  })
  async details(
    @Parent() contact: GuardianContact,
    @Args() { purpose }: CasePersonalDataArgs,
    @Context() context: GraphQLContext,
  ): Promise<string | null> {
    if (!inScope(principalOf(context), { country: contact.caseCountry })) {
      throw outOfScope(contact.caseCountry);
    }
    await this.recorder.record(context, {
      recordType: 'ProtectionCase',
      recordId: contact.caseId,
      fields: ['guardianOrShelterContact.details'],
      purpose: purpose ?? null,
      breakGlass: false,
    });
    const [details] = await openSealed(this.privacy, contact.caseId, SEALED_CASE_FIELDS.contact, [
      contact.sealedDetails,
    ]);
    return details;
  }
}

@Resolver(() => CaseVictim)
export class CaseVictimResolver {
  constructor(@Inject(BeneficiaryReadModel) private readonly beneficiaries: BeneficiaryReadModel) {}

  @Policy(ProtectionPolicy.readCases)
  @ResolveField(() => Beneficiary, {
    nullable: true,
    description: 'Her beneficiary record; null when it is outside your scope.',
  })
  async beneficiary(
    @Parent() victim: CaseVictim,
    @Context() context: GraphQLContext,
  ): Promise<Beneficiary | null> {
    const row = await this.beneficiaries.load(context, victim.beneficiaryId);
    return row && inScope(principalOf(context), row) ? toBeneficiary(row) : null;
  }
}

/** `Beneficiary.timeline`: protection owns the beneficiary, and the timelines. */
@Resolver(() => Beneficiary)
export class BeneficiaryTimelineResolver {
  constructor(
    @Inject(BeneficiaryReadModel) private readonly beneficiaries: BeneficiaryReadModel,
    @Inject(BeneficiaryAccess) private readonly access: BeneficiaryAccess,
    @Inject(CaseReadModel) private readonly readModel: CaseReadModel,
  ) {}

  @Policy(ProtectionPolicy.readCases)
  @ResolveField(() => TimelineConnection, {
    nullable: true,
    description:
      'Everything that happened to her, oldest first: her record, and the events about her of ' +
      'the cases in your countries.',
  })
  async timeline(
    @Parent() beneficiary: Beneficiary,
    @Args() { first, after }: TimelineArgs,
    @Context() context: GraphQLContext,
  ): Promise<TimelineConnection | null> {
    const row = await this.beneficiaries.load(context, beneficiary.id);
    if (!row) return null;
    // As for her record: in scope, or under break-glass with a purpose.
    await this.access.check(context, row, beneficiary.readPurpose);
    return timelineConnection(
      await this.readModel.beneficiaryTimeline(
        row.id,
        countriesInScope(principalOf(context)),
        first,
        pageAfter(TIMELINE_CURSOR, after),
      ),
    );
  }
}
