import type { DataSource } from 'typeorm';
import { ProgrammeRule } from '../entities';

/** The programme rules (a few rows per programme), read by writes and by `creditProgrammes`. */
export class ProgrammeRuleService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<ProgrammeRule[]> {
    return this.dataSource.getRepository(ProgrammeRule).find({ order: { programme: 'ASC', validFrom: 'ASC' } });
  }
}
