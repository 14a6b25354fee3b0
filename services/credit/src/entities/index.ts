import { AuditEntry } from '@povgraph/db';
import { Loan } from './Loan';
import { ProgrammeRule } from './ProgrammeRule';
import { Repayment } from './Repayment';

export { Loan, EntrustingOrganisation } from './Loan';
export { ProgrammeRule, CreditProgramme, PovertyStatus, RateTransformer } from './ProgrammeRule';
export { Repayment } from './Repayment';

/** Every entity of this service, listed explicitly. */
export const entities = [ProgrammeRule, Loan, Repayment, AuditEntry];
