import { describe, expect, it } from 'vitest';
import { campaignTextLimits, milestoneKinds, stages, successStage, targetKinds } from '../../../../src/domain/advocacy/campaign';
import { campaignLocalGovernments } from '../../../../src/domain/advocacy/local-targets';
import { CAMPAIGN_TEXT_LIMITS, LOCAL_GOVERNMENT_TARGETS, MILESTONE_KINDS, OTHER_TARGET_KINDS, STAGES, SUCCESS_STAGE, TARGET_KINDS } from './campaigns';

describe('the campaign codes the web names', () => {
  it('are the domain’s, in the same order', () => {
    expect(STAGES).toEqual(stages);
    expect(SUCCESS_STAGE).toBe(successStage);
    expect(TARGET_KINDS).toEqual(targetKinds);
    expect(MILESTONE_KINDS).toEqual(milestoneKinds);
    expect(CAMPAIGN_TEXT_LIMITS).toEqual(campaignTextLimits);
    expect(LOCAL_GOVERNMENT_TARGETS).toBe(campaignLocalGovernments().length);
  });

  it('offer every kind of target but local governments to add by hand', () => {
    expect(OTHER_TARGET_KINDS).toEqual(targetKinds.filter((kind) => kind !== 'local-government'));
  });
});
