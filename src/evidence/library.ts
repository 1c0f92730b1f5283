/**
 * The evidence library: every number of the source papers that a trial
 * designer would use as an effect size or a design fact, checked against the
 * papers themselves (../shared/seeds/). Each entry quotes the paper's own words;
 * test/evidence/library.test.ts checks that every quote is in its paper and
 * that every number of the value is in its quotes.
 *
 * Where ../shared/EVIDENCE.md and a paper disagree, the paper wins and the
 * entry's notes say so.
 */
import type { EvidenceEntry, Quote, SeedFile } from './types.js';

const AGA: SeedFile = '004_cd6af8962457b2c0.txt';
const TCI: SeedFile = '001_d165d94ba7b47e7b.txt';
const ATMP: SeedFile = '000_4e7c27745ac618ea.txt';
const MSC: SeedFile = '002_7fe80a122519ed26.txt';
const RDEB: SeedFile = '003_99f903491847d792.txt';

// ------------------------------------------------------------------ 004: NCT06764329 (androgenetic alopecia)

const AGA_PRIOR_RCT_NOTES =
  'Prior RCT of adipose-derived stem-cell constituent extract (ADSC-CE) vs placebo (distilled water), Busan, cited in the NCT06764329 record; ' +
  'not the registered trial itself (which uses bone-marrow MSCs vs saline and follows up for 12, not 16, weeks). ' +
  'The record gives neither the n per arm nor whether ± is an SD; as SEs the difference would have p ≈ 0.5, so ± is almost surely an SD. ' +
  'Under a Welch t-test with equal arms, p = .025 for hair count implies about 13 per arm but p = .023 for hair diameter about 23 per arm ' +
  '(R: 2*pt(-t, df) over n), so the original analysis was not a plain t-test on these summaries, or the n differed: treat n as unknown.';

const AGA_ENTRIES: EvidenceEntry[] = [
  {
    id: 'aga-hair-count',
    measure: 'Change from baseline in hair count at 16 weeks, ADSC-CE vs placebo (prior RCT cited by NCT06764329)',
    value: {
      form: 'mean-sd',
      arms: [
        { label: 'ADSC-CE (intervention group)', mean: 3.89, sd: 3.01 },
        { label: 'Placebo (control group)', mean: 1.44, sd: 1.97 },
      ],
    },
    design: 'parallel',
    provenance: {
      seed: AGA,
      section: 'Detailed Description',
      quote: 'Change from baseline in Hair counts was 3.89 ± 3.01 in IG versus 1.44 ± 1.97 in CG with p value of .025.',
      supporting: [
        {
          section: 'Detailed Description',
          quote:
            'showed significant statistical improvement in mean hair count and mean hair diameter in Intervention Group (IG) versus Control Group (CG) 16 weeks post treatment.',
        },
      ],
    },
    notes: `${AGA_PRIOR_RCT_NOTES} Units of hair count (per area) not stated.`,
  },
  {
    id: 'aga-hair-diameter',
    measure: 'Change from baseline in hair diameter at 16 weeks, ADSC-CE vs placebo (prior RCT cited by NCT06764329)',
    value: {
      form: 'mean-sd',
      arms: [
        { label: 'ADSC-CE (intervention group)', mean: 0.008, sd: 0.007 },
        { label: 'Placebo (control group)', mean: 0.004, sd: 0.004 },
      ],
    },
    design: 'parallel',
    provenance: {
      seed: AGA,
      section: 'Detailed Description',
      quote: 'Change from baseline in Hair Diameter was 0.008 ± 0.007 in IG versus 0.004 ± 0.004 in CG with p value of .023.',
      supporting: [
        {
          section: 'Detailed Description',
          quote:
            'showed significant statistical improvement in mean hair count and mean hair diameter in Intervention Group (IG) versus Control Group (CG) 16 weeks post treatment.',
        },
      ],
    },
    notes: `${AGA_PRIOR_RCT_NOTES} Unit of diameter not stated (probably mm).`,
  },
  {
    id: 'nct06764329-design',
    measure:
      'Design of NCT06764329: allogeneic bone-marrow MSC vs 0.9% saline, single scalp-injection session, androgenetic alopecia in men',
    value: {
      form: 'design',
      n: 70,
      arms: ['MSC therapy group', 'Placebo group (0.9% saline)'],
      randomized: true,
      blinding: 'double',
      followUpWeeks: 12,
    },
    design: 'parallel',
    provenance: {
      seed: AGA,
      section: 'Basic Information',
      quote: 'Total Enrollment 70 participants',
      supporting: [
        { section: 'Brief Summary', quote: 'The participants will be followed for 12 weeks.' },
        { section: 'Study Design', quote: 'Allocation Method RANDOMIZED Intervention Model PARALLEL' },
        { section: 'Study Design', quote: 'Blinding Strategy DOUBLE' },
      ],
    },
    notes:
      'EVIDENCE.md says "randomized 1:1", but the record states no allocation ratio (only RANDOMIZED, PARALLEL, two groups): ' +
      '1:1 is an assumption and `allocation` is left out. 70 is the planned enrolment (status ENROLLING_BY_INVITATION, results pending). ' +
      'The record disagrees with itself on age: inclusion criteria say 25 to 59 years, "Minimum Eligible Age" says 20 years. ' +
      'Outcomes: hair density and thickness, investigator assessment, patient satisfaction; no primary endpoint or SD is given.',
  },
];

// ------------------------------------------------------------------ 003: hUCB-MSC in RDEB (n = 6, single arm)

const RDEB_N: Quote = { section: 'Methods: Statistics', quote: 'In this trial, 6 patients were enrolled and completed the follow-up.' };
const RDEB_TEST: Quote = {
  section: 'Methods: Statistics',
  quote: 'the mean differences from baseline were analyzed, together with a P value and a 95% CI (2-tailed paired t test).',
};
const RDEB_SINGLE_ARM =
  'Single arm, open label, 4 adults and 2 children, 3 IV infusions; change from baseline (negative = improvement), paired t CI with n = 6 (df 5). ' +
  'The effect peaked at day 56–112 and faded by day 168.';
const RDEB_MID: Quote = { section: 'Discussion', quote: 'has shown to be 2 to 3 cm on the VAS score' };

const RDEB_ENTRIES: EvidenceEntry[] = [
  {
    id: 'rdeb-bebss',
    measure: 'Change in Birmingham EB Severity Score (BEBSS) from baseline to day 56 after IV hUCB-MSCs in RDEB',
    value: { form: 'mean-change-ci', estimate: -5.6, lower: -7.39, upper: -3.86, n: 6, level: 0.95 },
    design: 'single-arm',
    provenance: {
      seed: RDEB,
      section: 'Results: Clinical efficacy',
      quote: 'significantly decreased by 5.6 points (95% CI, –7.39 to –3.86)',
      supporting: [RDEB_N, RDEB_TEST],
    },
    notes: `${RDEB_SINGLE_ARM} The CI's midpoint is −5.625: rounding of the printed −5.6. SD of change from the CI: sdFromCI(−7.39, −3.86, 6) ≈ 1.682.`,
  },
  {
    id: 'rdeb-tbsa',
    measure: 'Change in total body surface area (TBSA, %) affected by RDEB from baseline to day 56',
    value: { form: 'mean-change-ci', estimate: -5.4, lower: -8.14, upper: -2.61, n: 6, level: 0.95 },
    design: 'single-arm',
    provenance: {
      seed: RDEB,
      section: 'Results: Clinical efficacy',
      quote: 'and 5.4 points (95% CI, –8.14 to –2.61), respectively.',
      supporting: [RDEB_N, RDEB_TEST],
    },
    notes: `${RDEB_SINGLE_ARM} CI midpoint −5.375.`,
  },
  {
    id: 'rdeb-blister-count',
    measure: 'Change in blister count from baseline to day 56',
    value: { form: 'mean-change-ci', estimate: -4, lower: -6.74, upper: -1.26, n: 6, level: 0.95 },
    design: 'single-arm',
    provenance: {
      seed: RDEB,
      section: 'Results: Clinical efficacy',
      quote:
        'Blister count and the ratio of blister area to body surface area also decreased by 4 points (95% CI, –6.74 to –1.26) and 2 points (95% CI, –4.02 to –0.06), respectively, at day 56 compared with baseline.',
      supporting: [RDEB_N, RDEB_TEST],
    },
    notes: RDEB_SINGLE_ARM,
  },
  {
    id: 'rdeb-blister-area',
    measure: 'Change in the ratio of blister area to body surface area from baseline to day 56',
    value: { form: 'mean-change-ci', estimate: -2, lower: -4.02, upper: -0.06, n: 6, level: 0.95 },
    design: 'single-arm',
    provenance: {
      seed: RDEB,
      section: 'Results: Clinical efficacy',
      quote:
        'Blister count and the ratio of blister area to body surface area also decreased by 4 points (95% CI, –6.74 to –1.26) and 2 points (95% CI, –4.02 to –0.06), respectively, at day 56 compared with baseline.',
      supporting: [RDEB_N, RDEB_TEST],
    },
    notes: `${RDEB_SINGLE_ARM} Not in EVIDENCE.md; added from the paper. CI midpoint −2.04.`,
  },
  {
    id: 'rdeb-pain-vas',
    measure: 'Change in pain VAS score (cm) from baseline to day 56',
    value: { form: 'mean-change-ci', estimate: -3, lower: -4.76, upper: -1.24, n: 6, level: 0.95 },
    design: 'single-arm',
    provenance: {
      seed: RDEB,
      section: 'Results: Clinical efficacy',
      quote: 'substantial mean reduction in pain (−3 points on visual analogue scale [VAS] score, 95% CI, –4.76 to –1.24)',
      supporting: [RDEB_N, RDEB_TEST, RDEB_MID],
    },
    notes: `${RDEB_SINGLE_ARM} Minimum important difference for pain or pruritus VAS: 2 to 3 cm (Discussion). Pain VAS rose again gradually after day 56.`,
  },
  {
    id: 'rdeb-itch-vas',
    measure: 'Change in itch (pruritus) VAS score (cm) from baseline to day 56',
    value: { form: 'mean-change-ci', estimate: -2, lower: -3.76, upper: -0.24, n: 6, level: 0.95 },
    design: 'single-arm',
    provenance: {
      seed: RDEB,
      section: 'Results: Clinical efficacy',
      quote: 'and itch (−2 points on VAS score, 95% CI, –3.76 to –0.24) from baseline to day 56.',
      supporting: [RDEB_N, RDEB_TEST, RDEB_MID],
    },
    notes: `${RDEB_SINGLE_ARM} Minimum important difference 2 to 3 cm (Discussion): the estimate is at its lower edge. Pruritus VAS was maintained to day 168.`,
  },
  {
    id: 'rdeb-qoleb',
    measure: 'Change in Quality of Life in EB (QOLEB) score from baseline to day 56 (lower = better)',
    value: { form: 'mean-change-ci', estimate: -6.2, lower: -8.69, upper: -3.65, n: 6, level: 0.95 },
    design: 'single-arm',
    provenance: {
      seed: RDEB,
      section: 'Results: Clinical efficacy',
      quote: 'At day 56, QOL, as assessed by a QOL in EB questionnaire (QOLEB), was improved by 6.2 points (95% CI, –8.69 to –3.65).',
      supporting: [RDEB_N, RDEB_TEST],
    },
    notes: `${RDEB_SINGLE_ARM} "Improved by 6.2" with a negative CI: QOLEB falls as QOL improves. CI midpoint −6.17 (rounding).`,
  },
  {
    id: 'rdeb-bebss-by-age',
    measure: 'Change in BEBSS at day 56 by age group, this hUCB-MSC trial',
    value: {
      form: 'mean-change',
      groups: [
        { label: 'children', estimate: -5.13, n: 2 },
        { label: 'adults', estimate: -7.18, n: 4 },
      ],
    },
    design: 'single-arm',
    provenance: {
      seed: RDEB,
      section: 'Discussion',
      quote: 'mean difference of BEBSS at day 56 was 5.13 in children and 7.18 in adults',
      supporting: [
        {
          section: 'Abstract: Methods',
          quote: 'Four adult and two pediatric patients with RDEB were treated with 3 intravenous injections of hUCB-MSCs',
        },
      ],
    },
    notes:
      'Printed as positive reductions; stored as negative changes. Inconsistent with the overall −5.6 (rdeb-bebss): the n-weighted mean of the ' +
      'subgroups is (2 × 5.13 + 4 × 7.18) / 6 = 6.50. No CI or SD; the paper reports no significant difference between age groups.',
  },
  {
    id: 'rdeb-bm-msc',
    measure: 'Change in BEBSS at day 60 in earlier trials of systemic bone-marrow MSCs in RDEB (children; adults)',
    value: {
      form: 'mean-change',
      groups: [
        { label: 'children, BM-MSC (ref. 8), day 60', estimate: -5.2 },
        { label: 'adults, BM-MSC (ref. 14), day 60', estimate: -1.61, n: 10 },
      ],
    },
    design: 'single-arm',
    provenance: {
      seed: RDEB,
      section: 'Discussion',
      quote:
        'comparable to those in previous studies using BM-MSCs in children (mean difference of BEBSS at day 60 was 5.2, QOLEB score was 4.4) and adults (mean difference of BEBSS at day 60 was 1.61, QOLEB score was 3.13) (8, 14).',
      supporting: [
        {
          section: 'Introduction',
          quote: 'An additional recently published phase I/II trial of intravenous BM-MSC injection in 10 adult patients with RDEB',
        },
      ],
    },
    notes:
      'Mean change without CI or SD, quoted second-hand from refs 8 (children) and 14 (adults): usable only with an assumed SD. ' +
      'Printed as positive "mean difference"; stored as negative changes (reduction), the same convention as rdeb-bebss. ' +
      'The children figure is from ref. 8 alone; the Introduction gives 23 children across refs 8 and 9, so the n of ref. 8 is not stated. ' +
      'Day 60, not 56. EVIDENCE.md agrees.',
  },
  {
    id: 'rdeb-bm-msc-qoleb',
    measure: 'Change in QOLEB score at day 60 in earlier trials of systemic bone-marrow MSCs in RDEB (children; adults)',
    value: {
      form: 'mean-change',
      groups: [
        { label: 'children, BM-MSC (ref. 8)', estimate: -4.4 },
        { label: 'adults, BM-MSC (ref. 14)', estimate: -3.13, n: 10 },
      ],
    },
    design: 'single-arm',
    provenance: {
      seed: RDEB,
      section: 'Discussion',
      quote:
        'comparable to those in previous studies using BM-MSCs in children (mean difference of BEBSS at day 60 was 5.2, QOLEB score was 4.4) and adults (mean difference of BEBSS at day 60 was 1.61, QOLEB score was 3.13) (8, 14).',
      supporting: [
        {
          section: 'Introduction',
          quote: 'An additional recently published phase I/II trial of intravenous BM-MSC injection in 10 adult patients with RDEB',
        },
      ],
    },
    notes:
      'Mean change without CI or SD, second-hand; stored as negative (improvement). The time point of the QOLEB figures is not stated.',
  },
  {
    id: 'rdeb-wound-healing',
    measure: 'Chronic open wounds (>12 weeks, >100 cm²) with ≥50% reduction in size at day 56',
    value: { form: 'x-of-n', arms: [{ label: 'hUCB-MSC, wounds', x: 2, n: 4 }] },
    design: 'single-arm',
    provenance: {
      seed: RDEB,
      section: 'Discussion',
      quote:
        'With regard to wound healing, 50% (2 of 4) of large open wounds that were present for at least 12 weeks achieved 50% or greater healing by 56 days after treatment.',
    },
    notes: 'Wounds, not patients: 4 wounds in 2 patients (clustered). Only 1 of the 2 stayed ≥50% healed at day 112. Not in EVIDENCE.md.',
  },
];

// ------------------------------------------------------------------ 002: MSC in immune-mediated skin diseases (systematic review)

const MSC_SINGLE_ARM =
  'Single-arm (no control): a two-arm scenario built on it needs a control-arm rate that is an assumption and must say so.';

const MSC_ENTRIES: EvidenceEntry[] = [
  {
    id: 'ssc-mrss',
    measure: 'Modified Rodnan Skin Score in diffuse cutaneous systemic sclerosis, baseline and 1 year after UC-MSCs (Zhang et al. 2017)',
    value: {
      form: 'mean-sd',
      arms: [
        { label: 'baseline', mean: 20.1, sd: 3.1, n: 14 },
        { label: '1 year', mean: 13.8, sd: 10.2, n: 14 },
      ],
    },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Systemic sclerosis',
      quote: 'Modified Rodnan Skin Score (MRSS) from 20.1 ± 3.1 to 13.8 ± 10.2 , was observed at 1-year follow-up',
      supporting: [{ section: 'Systemic sclerosis', quote: 'In 2017, Zhang *et al.* treated 14 patients with diffuse cutaneous SSc' }],
    },
    notes:
      'The two rows are time points of the same 14 patients, not arms: a paired analysis needs the SD of the change (or the correlation), ' +
      'which is not given. ± is presumably an SD. MSCs were given after plasmapheresis and cyclophosphamide, so the change is not attributable to MSCs alone.',
  },
  {
    id: 'msc-psoriasis-pasi75',
    measure: 'PASI-75 at 6 months after IV UC-MSCs in psoriasis (Cheng et al. 2022, phase I/IIa)',
    value: { form: 'proportion', arms: [{ label: 'UC-MSC', estimate: 0.353, n: 17 }] },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Psoriasis',
      quote: 'At 6 months, 47.1% showed at least 40% improvement, 35.3% had at',
      supporting: [
        {
          section: 'Psoriasis',
          quote: 'Cheng *et al.* treated 17 psoriasis patients aged 18-65 years with umbilical cord-derived MSCs (UC-MSC) infusions.',
        },
        { section: 'Table 1', quote: 'PASI-75 (35%), PASI-90 (18%), 6 months' },
      ],
    },
    notes:
      `${MSC_SINGLE_ARM} 35.3% of 17 = 6/17; Table 1 rounds it to 35% (as EVIDENCE.md). The sentence is split by the page layout ` +
      '("35.3% had at … least 75% improvement"). Only one PASI-75 responder had sustained benefit.',
  },
  {
    id: 'msc-psoriasis-pasi90',
    measure: 'PASI-90 at 6 months after IV UC-MSCs in psoriasis (Cheng et al. 2022)',
    value: { form: 'proportion', arms: [{ label: 'UC-MSC', estimate: 0.176, n: 17 }] },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Psoriasis',
      quote: 'least 75% improvement, and 17.6% had over 90% improvement in PASI.',
      supporting: [
        {
          section: 'Psoriasis',
          quote: 'Cheng *et al.* treated 17 psoriasis patients aged 18-65 years with umbilical cord-derived MSCs (UC-MSC) infusions.',
        },
        { section: 'Table 1', quote: 'PASI-75 (35%), PASI-90 (18%), 6 months' },
      ],
    },
    notes: `${MSC_SINGLE_ARM} 17.6% of 17 = 3/17; Table 1 rounds to 18%.`,
  },
  {
    id: 'msc-psoriasis-pasi50',
    measure: 'PASI-50 maintained at 6 months after IV AD-MSCs in psoriasis (Yao et al. 2021, pilot)',
    value: { form: 'x-of-n', arms: [{ label: 'AD-MSC', x: 2, n: 7 }] },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Psoriasis',
      quote:
        'investigated AD-MSCs for psoriasis treatment in 7 patients aged 35-65 years.¹⁸ Monthly IV AD-MSC injections (0.5×10^6 cells/kg) for 12 weeks led to a gradual decrease in Psoriasis Area and Severity Index (PASI), with 2 patients maintaining PASI-50 at 6 months.',
      supporting: [{ section: 'Table 1', quote: 'PASI-50 (28%), 6 months' }],
    },
    notes: `${MSC_SINGLE_ARM} Table 1 prints 28%; 2/7 = 28.6%.`,
  },
  {
    id: 'msc-ad-easi50',
    measure: 'EASI-50 at 3 months, high-dose subcutaneous UC-MSCs in moderate-to-severe atopic dermatitis (Kim et al. 2017, phase I/IIa)',
    value: { form: 'proportion', arms: [{ label: 'UC-MSC, high dose (5×10^7)', estimate: 0.55 }] },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Table 1',
      quote: 'Ph I/IIa open-label trials 34 AI UC-MSCs No SC 2.5×10 ⁷ or 5×10 ⁷ I EASI-50 (55%), EASI-75 (27%), 3 months (high dose)',
      supporting: [
        { section: 'Atopic dermatitis', quote: 'with 55% of the high-dose group achieving Eczema Area and Severity Index (EASI) 50' },
      ],
    },
    notes: `${MSC_SINGLE_ARM} 34 patients overall (low and high dose); the size of the high-dose group is not stated, so n is left out.`,
  },
  {
    id: 'msc-ad-easi75',
    measure: 'EASI-75 at 3 months, high-dose subcutaneous UC-MSCs in atopic dermatitis (Kim et al. 2017)',
    value: { form: 'proportion', arms: [{ label: 'UC-MSC, high dose (5×10^7)', estimate: 0.27 }] },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Table 1',
      quote: 'Ph I/IIa open-label trials 34 AI UC-MSCs No SC 2.5×10 ⁷ or 5×10 ⁷ I EASI-50 (55%), EASI-75 (27%), 3 months (high dose)',
    },
    notes: `${MSC_SINGLE_ARM} Table 1 only. Size of the high-dose group not stated (34 overall).`,
  },
  {
    id: 'msc-ad-easi50-bm',
    measure: 'EASI-50 after one or two cycles of IV BM-MSCs in refractory atopic dermatitis (Shin et al. 2021)',
    value: { form: 'proportion', arms: [{ label: 'BM-MSC', estimate: 0.8, n: 5 }] },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Table 1',
      quote: 'Open-label trial 5 AI BM-MSCs No IV 1.0×10 ⁶ /kg 3×2 cycles; q2wk EASI-50 after 1st-2nd cycle (80%), 1-2 months',
      supporting: [{ section: 'Atopic dermatitis', quote: 'with 80% achieving EASI-50 after one or two cycles' }],
    },
    notes: `${MSC_SINGLE_ARM} 80% of 5 = 4/5 (EVIDENCE.md: "4 of 5").`,
  },
  {
    id: 'msc-urticaria',
    measure:
      'Response of refractory chronic spontaneous urticaria to IV autologous AD-MSCs (Özdemir et al. 2021): complete, well controlled, none',
    value: {
      form: 'x-of-n',
      arms: [
        { label: 'persistent complete response (to 6 months)', x: 5, n: 10 },
        { label: 'well-controlled', x: 3, n: 10 },
        { label: 'no improvement', x: 2, n: 10 },
      ],
    },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Chronic spontaneous urticaria',
      quote:
        'Ten patients with CSU for at least 12 months received autologous AD-MSCs intravenously at baseline and after two weeks. Five patients showed a persistent complete response up to 6 months, three had well-controlled CSU, and two experienced no improvement.',
    },
    notes: `${MSC_SINGLE_ARM} The rows are mutually exclusive categories of the same 10 patients (an ordinal outcome 5/3/2), not arms.`,
  },
  {
    id: 'msc-aa-controlled',
    measure:
      'Clinical improvement in alopecia areata after one intradermal injection of autologous BM-MSCs or follicular stem cells (Elmaadawi et al. 2018)',
    value: {
      form: 'proportion',
      arms: [
        { label: 'autologous BM-MSC', estimate: 0.5 },
        { label: 'autologous follicular stem cells', estimate: 0.5 },
      ],
    },
    design: 'parallel',
    provenance: {
      seed: MSC,
      section: 'Alopecia areata',
      quote: 'Clinical improvement was observed in 50% of patients in both groups without AEs.',
      supporting: [{ section: 'Alopecia areata', quote: 'In a 2018 controlled trial, Elmaadawi *et al.* treated 20 patients with AA' }],
    },
    notes:
      'Two active cell arms, no placebo; 20 patients in total, the split between arms is not stated (so no n per arm). ' +
      'The paper contradicts itself: Table 1 gives "Improvement (100%)" for this RCT, the text 50% in both groups; the text (and EVIDENCE.md) is used. ' +
      '45% relapsed within a year.',
  },
  {
    id: 'msc-aa-regrowth',
    measure:
      'Over 50% hair regrowth in refractory alopecia areata patches after AD-MSC conditioned media with laser or microneedling (Lee et al. 2022, retrospective)',
    value: { form: 'proportion', arms: [{ label: 'AD-MSC conditioned media', estimate: 0.643, n: 14 }] },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Alopecia areata',
      quote: 'showed that 64.3% experienced over 50% hair regrowth, and 42.9% achieved complete recovery.',
      supporting: [
        { section: 'Alopecia areata', quote: 'A 2022 retrospective study by Lee *et al.* examined 14 patients with refractory AA patches' },
      ],
    },
    notes: `${MSC_SINGLE_ARM} 64.3% of 14 = 9/14. Retrospective; conditioned media, not cells; combined with laser or microneedling.`,
  },
  {
    id: 'msc-aa-complete',
    measure: 'Complete recovery of refractory alopecia areata patches after AD-MSC conditioned media (Lee et al. 2022, retrospective)',
    value: { form: 'proportion', arms: [{ label: 'AD-MSC conditioned media', estimate: 0.429, n: 14 }] },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Alopecia areata',
      quote: 'showed that 64.3% experienced over 50% hair regrowth, and 42.9% achieved complete recovery.',
      supporting: [
        { section: 'Alopecia areata', quote: 'A 2022 retrospective study by Lee *et al.* examined 14 patients with refractory AA patches' },
      ],
    },
    notes: `${MSC_SINGLE_ARM} 42.9% of 14 = 6/14. Not in EVIDENCE.md.`,
  },
  {
    id: 'msc-sle-remission',
    measure:
      'Remission of SLE after one IV infusion of allogeneic UC/BM-MSCs (Liang et al. 2018, retrospective): major (clinical) and partial',
    value: {
      form: 'proportion',
      arms: [
        { label: 'major (clinical) remission', estimate: 0.325, n: 178 },
        { label: 'partial remission', estimate: 0.275, n: 178 },
      ],
    },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Systemic lupus erythematosus',
      quote: 'In 2018, Liang *et al.* reviewed 178 patients, with 32.5% achieving clinical remission and 27.5% partial remission',
      supporting: [{ section: 'Table 1', quote: 'Major (32.5%); partial (27.5%) remission, 12 months' }],
    },
    notes:
      `${MSC_SINGLE_ARM} Rows are categories of the same patients. 32.5% is not a whole count of 178 (57/178 = 32.0%, 58/178 = 32.6%), ` +
      'so the denominator was probably smaller (evaluable patients); 27.5% ≈ 49/178. Retrospective, with concomitant immunosuppressants.',
  },
  {
    id: 'msc-sle-complete-remission',
    measure: 'Complete remission of refractory SLE after one or two IV UC/BM-MSC infusions (Wen et al. 2019, retrospective)',
    value: { form: 'proportion', arms: [{ label: 'UC/BM-MSC', estimate: 0.23, n: 69 }] },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Systemic lupus erythematosus',
      quote: "Wen *et al.*'s 2019 study of 69 refractory patients showed 23% complete remission and 58% low disease activity",
    },
    notes: `${MSC_SINGLE_ARM} 23% of 69 ≈ 16/69; 58% had low disease activity (≈ 40/69).`,
  },
  {
    id: 'msc-ae-mild',
    measure:
      'Patients with mild adverse events after MSCs, by disease, pooled over the reviewed studies (psoriasis, AD, CSU, AA, SSc, SLE)',
    value: {
      form: 'x-of-n',
      arms: [
        { label: 'psoriasis', x: 22, n: 24 },
        { label: 'atopic dermatitis', x: 15, n: 38 },
        { label: 'chronic spontaneous urticaria', x: 0, n: 10 },
        { label: 'alopecia areata', x: 22, n: 38 },
        { label: 'systemic sclerosis', x: 40, n: 134 },
        { label: 'systemic lupus erythematosus', x: 41, n: 187 },
      ],
    },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Table 2',
      quote:
        'Pts evaluable for AEs 24 (100) 38 (97.4) 10 (100) 38 (100) 134 (62.0) 187 (66.3) Mild 22 (91.6) 15 (39.4) 0 (0) 22 (57.9) 40 (29.9) 41 (21.9)',
    },
    notes:
      'Rows are diseases (separate pooled populations), columns of Table 2 in order; n = patients evaluable for AEs. ' +
      'EVIDENCE.md lists psoriasis, AD and AA only; CSU, SSc and SLE added. Table 2 prints 91.6% for 22/24 (= 91.7%). ' +
      'The text gives 95.8% of psoriasis patients with any AE (mild 22 + moderate–severe 1 = 23/24).',
  },
  {
    id: 'msc-ae-moderate-severe',
    measure: 'Patients with moderate-to-severe adverse events after MSCs, by disease, pooled over the reviewed studies',
    value: {
      form: 'x-of-n',
      arms: [
        { label: 'psoriasis', x: 1, n: 24 },
        { label: 'atopic dermatitis', x: 0, n: 38 },
        { label: 'chronic spontaneous urticaria', x: 0, n: 10 },
        { label: 'alopecia areata', x: 0, n: 38 },
        { label: 'systemic sclerosis', x: 1, n: 134 },
        { label: 'systemic lupus erythematosus', x: 5, n: 187 },
      ],
    },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Table 2',
      quote: 'Pts evaluable for AEs 24 (100) 38 (97.4) 10 (100) 38 (100) 134 (62.0) 187 (66.3)',
      supporting: [{ section: 'Table 2', quote: 'Moderate-severe 1 (4.2) 0 (0) 0 (0) 0 (0) 1 (0.7) 5 (2.6)' }],
    },
    notes:
      'Rows are diseases; n = patients evaluable for AEs. Table 2 and the text print 2.6% for SLE, but 5/187 = 2.67% (2.7%). ' +
      'Deaths from all causes, separately: 6/134 SSc, 15/187 SLE (msc-deaths).',
  },
  {
    id: 'msc-deaths',
    measure: 'Deaths from all causes after MSCs, by disease, pooled over the reviewed studies',
    value: {
      form: 'x-of-n',
      arms: [
        { label: 'systemic sclerosis', x: 6, n: 134 },
        { label: 'systemic lupus erythematosus', x: 15, n: 187 },
      ],
    },
    design: 'single-arm',
    provenance: {
      seed: MSC,
      section: 'Discussion and Conclusions',
      quote:
        'deaths from all causes were reported in 6 out of 134 patients with SSc and 15 out of 187 patients with SLE with follow-up data.',
    },
    notes: 'No deaths in psoriasis, AD, CSU or AA (Table 2). Mostly attributed to the underlying disease. Not in EVIDENCE.md.',
  },
];

// ------------------------------------------------------------------ 001: TCI for vitiligo (meta-analysis), Table 3

/** Threshold of the quartile repigmentation scale. */
type Threshold = 25 | 50 | 75;

const TABLE3 = 'Table 3. Treatment Response Rates to TCIs for Vitiligo';
const TABLE3_UNITS: Quote = { section: TABLE3, quote: 'Treatment Response Rate, % (95% CI)' };
const POOLED =
  'Pooled random-effects rate (generic inverse variance) over prospective studies of mixed design (within-patient, parallel, single-arm): ' +
  'a rate in TCI-treated patients or patches with no comparator; median treatment 3 months (2–7).';

const THRESHOLD_WORDS: Record<Threshold, string> = {
  25: 'at least mild response (≥25% repigmentation)',
  50: 'at least moderate response (≥50% repigmentation)',
  75: 'marked response (≥75% repigmentation)',
};

interface TciRow {
  /** Id stem, e.g. `tci-alone-all`. */
  stem: string;
  /** Treatment and subgroup in words. */
  group: string;
  /** The Table 3 row, as printed. */
  row: string;
  /** What the row's last column says about the pooled patients, for the notes. */
  rowTotal: string;
}

interface TciCell {
  threshold: Threshold;
  /** Estimate, lower, upper as printed, in %. */
  pct: readonly [number, number, number];
  /** The Results sentence giving this estimate's n and number of studies, when there is one. */
  text?: { quote: string; n?: number; studies: number };
  notes?: string;
}

/** One `proportion-ci` entry per cell of Table 3. */
function tciEntries(r: TciRow, cells: readonly TciCell[]): EvidenceEntry[] {
  return cells.map((c) => {
    const [est, lo, hi] = c.pct;
    const supporting: Quote[] = [TABLE3_UNITS];
    if (c.text) supporting.push({ section: 'Results', quote: c.text.quote });
    const value: EvidenceEntry['value'] = {
      form: 'proportion-ci',
      estimate: pct(est),
      lower: pct(lo),
      upper: pct(hi),
      level: 0.95,
      ...(c.text?.n !== undefined ? { n: c.text.n } : {}),
      ...(c.text ? { studies: c.text.studies } : {}),
    };
    const nNote = c.text
      ? `Pooled n for this threshold from Results; the Table 3 row pools ${r.rowTotal} over all thresholds.`
      : `Results give no n for this threshold; the Table 3 row pools ${r.rowTotal} over all thresholds.`;
    return {
      id: `${r.stem}-${c.threshold}`,
      measure: `${r.group}: ${THRESHOLD_WORDS[c.threshold]}`,
      value,
      design: 'single-arm',
      provenance: { seed: TCI, section: TABLE3, quote: r.row, supporting },
      notes: [POOLED, nNote, c.notes].filter((s) => s !== undefined).join(' '),
    };
  });
}

/** A percentage as printed → a proportion (rounded to undo binary noise, e.g. 0.1 × 55.0). */
function pct(x: number): number {
  return Math.round(x * 1e6) / 1e8;
}

const TCI_TABLE3: EvidenceEntry[] = [
  ...tciEntries(
    {
      stem: 'tci-alone-all',
      group: 'TCI monotherapy, all patients',
      row: 'Total 18.1 (13.2-23.1) 38.5 (28.2-48.8) 55.0 (42.2-67.8) 653 Patients in 25 studies',
      rowTotal: '653 patients in 25 studies',
    },
    [
      {
        threshold: 25,
        pct: [55.0, 42.2, 67.8],
        text: { quote: '55.0% (95% CI, 42.2%-67.8%) of 560 patients in 21 studies', n: 560, studies: 21 },
      },
      {
        threshold: 50,
        pct: [38.5, 28.2, 48.8],
        text: { quote: '38.5% (95% CI, 28.2%-48.8%) of 619 patients in 23 studies', n: 619, studies: 23 },
      },
      {
        threshold: 75,
        pct: [18.1, 13.2, 23.1],
        text: { quote: '18.1% (95% CI, 13.2%-23.1%) of 520 patients in 19 studies', n: 520, studies: 19 },
      },
    ],
  ),
  ...tciEntries(
    {
      stem: 'tci-alone-children',
      group: 'TCI monotherapy, children',
      row: 'Children 31.7 (6.7-56.8) 47.3 (19.0-75.7) 66.4 (43.2-89.7) 177 Patients in 6 studies',
      rowTotal: '177 patients in 6 studies',
    },
    [
      {
        threshold: 25,
        pct: [66.4, 43.2, 89.7],
        text: { quote: '66.4% (95% CI, 43.2%- 89.7%) of 162 patients in 5 studies', n: 162, studies: 5 },
      },
      { threshold: 50, pct: [47.3, 19.0, 75.7] },
      {
        threshold: 75,
        pct: [31.7, 6.7, 56.8],
        text: { quote: '31.7% of patients (31.7%; 95% CI, 6.7%-56.8%) in 5 studies', studies: 5 },
        notes: 'Results give the number of studies (5) but not of patients.',
      },
    ],
  ),
  ...tciEntries(
    {
      stem: 'tci-alone-face-neck',
      group: 'TCI monotherapy, face and neck lesions',
      row: 'Face and neck 35.4 (24.9-46.0) 57.5 (44.4-70.7) 73.1 (32.6-83.5) 392 Patients in 18 studies',
      rowTotal: '392 patients in 18 studies',
    },
    [
      {
        threshold: 25,
        pct: [73.1, 32.6, 83.5],
        text: { quote: '73.1% (95% CI, 32.6%-83.5%) of 312 patients in 14 studies', n: 312, studies: 14 },
        notes:
          'CI printed as 32.6–83.5 around 73.1 (in Table 3, Results and Abstract alike): strongly asymmetric for a Wald-type pooled CI, kept as printed; ' +
          'a normal or beta prior cannot match both limits (see betaFromCI mismatch).',
      },
      { threshold: 50, pct: [57.5, 44.4, 70.7] },
      {
        threshold: 75,
        pct: [35.4, 24.9, 46.0],
        text: { quote: '35.4% (95% CI, 24.9%-7 46.0%) of 353 patients in 16 studies', n: 353, studies: 16 },
        notes: 'The Results sentence is garbled ("24.9%-7 46.0%"); Table 3 and the Abstract print 24.9–46.0.',
      },
    ],
  ),
  ...tciEntries(
    {
      stem: 'tci-alone-trunk-extremities',
      group: 'TCI monotherapy, trunk and extremity lesions',
      row: 'Trunk and extremities 2.3 (0.3-4.3) 10.6 (5.3-15.8) 34.2 (13.9-54.6) 174 Patients in 9 studies',
      rowTotal: '174 patients in 9 studies',
    },
    [
      {
        threshold: 25,
        pct: [34.2, 13.9, 54.6],
        text: { quote: '34.2% (95% CI, 13.9%-54.6% of 153 patients in 7 studies', n: 153, studies: 7 },
      },
      { threshold: 50, pct: [10.6, 5.3, 15.8] },
      {
        threshold: 75,
        pct: [2.3, 0.3, 4.3],
        text: { quote: '2.3% (95% 10 CI, 0.3%-4.3%) of 185 patients in 8 studies', n: 185, studies: 8 },
        notes:
          'The Results n (185 patients, 8 studies) exceeds the Table 3 row total (174 patients, 9 studies): the paper is inconsistent.',
      },
    ],
  ),
  ...tciEntries(
    {
      stem: 'tci-alone-hands-feet',
      group: 'TCI monotherapy, hand and foot lesions',
      row: 'Hands and feet 0.00 (NA) 1.71 (0.00-4.6) 15.1 (6.7-23.4) 52 Patients in 4 studies',
      rowTotal: '52 patients in 4 studies',
    },
    [
      {
        threshold: 25,
        pct: [15.1, 6.7, 23.4],
        text: { quote: 'atleastmildresponsein15.1%(95%CI,6.7%-23.4%)in48patients in 3 studies', n: 48, studies: 3 },
      },
      {
        threshold: 50,
        pct: [1.71, 0.0, 4.6],
        notes:
          'Lower limit printed 0.00 (EVIDENCE.md: 0.0): the pooled CI was presumably truncated at 0, so the lower limit is not informative.',
      },
    ],
  ),
  {
    id: 'tci-alone-hands-feet-75',
    measure: 'TCI monotherapy, hand and foot lesions: marked response (≥75% repigmentation)',
    value: { form: 'x-of-n', arms: [{ label: 'TCI monotherapy, hands and feet', x: 0, n: 52 }] },
    design: 'single-arm',
    provenance: {
      seed: TCI,
      section: TABLE3,
      quote: 'Hands and feet 0.00 (NA) 1.71 (0.00-4.6) 15.1 (6.7-23.4) 52 Patients in 4 studies',
      supporting: [{ section: 'Results', quote: 'no marked response was observed among 52 patients in 4 studies' }],
    },
    notes: `${POOLED} Table 3 prints 0.00 with CI NA (EVIDENCE.md: "0.0"); Results: no marked response among 52 patients in 4 studies, so it is kept as the count 0 of 52.`,
  },
  ...tciEntries(
    {
      stem: 'tci-photo-all',
      group: 'TCI plus phototherapy (NB-UVB or excimer), all patients',
      row: 'Total 47.5 (30.6-64.4) 72.9 (57.6-88.2) 89.5 (81.1-97.9) 533 Patients in 11 studies',
      rowTotal: '533 patients in 11 studies',
    },
    [
      {
        threshold: 25,
        pct: [89.5, 81.1, 97.9],
        text: { quote: '89.5% (95% CI, 81.1%-97.9%) of 433 patients in 8 studies', n: 433, studies: 8 },
      },
      {
        threshold: 50,
        pct: [72.9, 57.6, 88.2],
        text: { quote: '72.9% (95% CI, 57.6%-88.2%) of 486 patients in 10studies', n: 486, studies: 10 },
      },
      {
        threshold: 75,
        pct: [47.5, 30.6, 64.4],
        text: { quote: '47.5% (95% CI, 30.6%-64.4%) of 490 patients in 9 studies', n: 490, studies: 9 },
      },
    ],
  ),
  ...tciEntries(
    {
      stem: 'tci-photo-face-neck',
      group: 'TCI plus phototherapy, face and neck lesions',
      row: 'Face and neck 55.2 (24.6-85.9) 81.5 (10.3-92.7) 93.7 (87.6-99.8) 129 Patients in 5 studies',
      rowTotal: '129 patients in 5 studies (Results: 103 patients in 4 studies)',
    },
    [
      {
        threshold: 25,
        pct: [93.7, 87.6, 99.8],
        text: { quote: '93.7% (95% CI, 87.6%-99.8%) of 103 patients in 4 studies', n: 103, studies: 4 },
      },
      {
        threshold: 50,
        pct: [81.5, 10.3, 92.7],
        notes:
          'CI printed as 10.3–92.7 around 81.5: implausible (perhaps a misprint of 70.3), kept as printed; no beta with mean 0.815 matches it ' +
          '(betaFromCI reports a large mismatch). Use with care, or as an assumption.',
      },
      {
        threshold: 75,
        pct: [55.2, 24.6, 85.9],
        text: { quote: '55.2% (95% CI, 24.6%- 85.9%) of 103 patients in 4 studies', n: 103, studies: 4 },
      },
    ],
  ),
  ...tciEntries(
    {
      stem: 'tci-photo-trunk-extremities',
      group: 'TCI plus phototherapy, trunk and extremity lesions',
      row: 'Trunk and extremities 16.1 (10.2-22.0) 44.9 (30.3-59.5) 85.3 (79.8-90.7) 161 Patients in 3 studies',
      rowTotal: '161 patients in 3 studies',
    },
    [
      {
        threshold: 25,
        pct: [85.3, 79.8, 90.7],
        text: { quote: '85.3% (95% CI, 79.8%-90.7%) of 161 patients in 3 studies', n: 161, studies: 3 },
      },
      { threshold: 50, pct: [44.9, 30.3, 59.5] },
      {
        threshold: 75,
        pct: [16.1, 10.2, 22.0],
        text: { quote: '16.1% (95% CI, 10.2%-22.0%) of 161 patients in 3 studies', n: 161, studies: 3 },
      },
    ],
  ),
];

// ------------------------------------------------------------------ 001: other TCI results

const TCI_OTHER: EvidenceEntry[] = [
  {
    id: 'nbuvb-alone-25',
    measure: 'NB-UVB phototherapy alone for 3 months: at least mild response (≥25% repigmentation), from an earlier systematic review',
    value: { form: 'proportion', arms: [{ label: 'NB-UVB alone, 3 months', estimate: 0.621 }] },
    design: 'single-arm',
    provenance: {
      seed: TCI,
      section: 'Discussion',
      quote: 'mild response achieved in 62.1% of subjects after 3 months of NBUVB phototherapy) published in a previous systematic review',
    },
    notes:
      'Quoted from another systematic review (ref. 70), not pooled in this meta-analysis: no CI, no n. ' +
      'Comparing it with tci-photo-all-25 (89.5%) is an indirect, across-review comparison.',
  },
  {
    id: 'tci-maintenance',
    measure:
      'Some depigmentation within 24 weeks of maintenance with tacrolimus 0.1% twice weekly vs placebo after ≥75% repigmentation (Cavalié et al.)',
    value: {
      form: 'proportion',
      arms: [
        { label: 'tacrolimus 0.1% twice weekly', estimate: 0.097, n: 19 },
        { label: 'placebo', estimate: 0.4, n: 16 },
      ],
    },
    design: 'parallel',
    provenance: {
      seed: TCI,
      section: 'TCI Maintenance Therapy',
      quote:
        'pigmentation was observed in 9.7% of patients in the tacrolimus group and 40.0% of those in the placebo group after 24 weeks.',
      supporting: [
        {
          section: 'TCI Maintenance Therapy',
          quote: 'Patients were randomized to twice-weekly application of tacrolimus, 0.1%, ointment (n = 19) or placebo (n = 16).',
        },
      ],
    },
    notes:
      'Randomized, double-blind (Table 2: PD, DB, RCT). n = randomized; Table 2 gives 15 completers in each arm ("19/15", "16/15"). ' +
      '40.0% = 6/15 completers, but 9.7% is no whole count of 15, 16 or 19 (1/15 = 6.7%, 2/19 = 10.5%): it is probably a time-to-event ' +
      '(Kaplan–Meier) or per-patch figure of the original trial, so a binary scenario built on it approximates. Lower is better.',
  },
  {
    id: 'tci-adverse',
    measure: 'Occurrences of common adverse events with TCI monotherapy, pooled over 12 studies reporting counts (296 patients)',
    value: {
      form: 'x-of-n',
      arms: [
        { label: 'burning sensation', x: 29, n: 296 },
        { label: 'pruritus', x: 22, n: 296 },
        { label: 'erythema', x: 7, n: 296 },
      ],
    },
    design: 'single-arm',
    provenance: {
      seed: TCI,
      section: 'Safety of TCI',
      quote: 'burningsensation(29[9.8%]),pruritus(22[7.4%]),anderythema (7 [2.4%])',
      supporting: [{ section: 'Safety of TCI', quote: 'In 296 patients, the most common were a' }],
    },
    notes:
      'Rows are event types in the same 296 patients, not arms; the paper pools "occurrences", which may count a patient more than once. ' +
      'All transient; none led to discontinuation. The sentence is split by a page break in the text.',
  },
];

// ------------------------------------------------------------------ 000: ATMPs for vitiligo, Table 1

const ATMP_TABLE1 = 'Table 1: Published ATMP-based clinical trials for vitiligo treatment';

const ATMP_ENTRIES: EvidenceEntry[] = [
  {
    id: 'ncecs-vs-ha',
    measure:
      'Patients with more than 50% repigmentation, NCECS (Viticell) vs hyaluronic acid on lesions randomized within patient (NCT02156427); non-acral and hand/elbow/wrist groups',
    value: {
      form: 'x-of-n',
      arms: [
        { label: 'NCECS, group B (areas other than hand, elbow, wrist)', x: 8, n: 16 },
        { label: 'hyaluronic acid, group B (areas other than hand, elbow, wrist)', x: 1, n: 16 },
        { label: 'NCECS, group A (hand, elbow, wrist)', x: 0, n: 11 },
        { label: 'hyaluronic acid, group A (hand, elbow, wrist)', x: 0, n: 11 },
      ],
    },
    design: 'within-patient',
    provenance: {
      seed: ATMP,
      section: `${ATMP_TABLE1}, NCT02156427`,
      quote:
        'Group A: Treated areas located at hand, elbow and wrist (11 patients) No. of patients with more than 50% repigmentation: None Group B: Treated areas located at areas other than those in group A (16 patients) No. of patients with more than 50% repigmentation: 8',
      supporting: [
        {
          section: `${ATMP_TABLE1}, NCT02156427, Intervention 2`,
          quote:
            'Group B: Treated areas located at areas other than those in group A (16 patients) No. of patients with more than 50% repigmentation: 1',
        },
        {
          section: `${ATMP_TABLE1}, NCT02156427, Intervention 2`,
          quote:
            'Intervention 2 Group A: Treated areas located at hand, elbow and wrist (11 patients) No. of patients with more than 50% repigmentation: None',
        },
        {
          section: `${ATMP_TABLE1}, NCT02156427`,
          quote:
            'Note: Each patient has at least 2 depigmented lesions on trunk or extremities. Lesions randomly receive one of the interventions',
        },
      ],
    },
    notes:
      'Double-blind, within-patient: each of 27 patients (11 + 16) had one lesion per treatment, so the two rows of a group are paired; ' +
      'the discordant pairs are not given (8 vs 1 of 16 implies at least 7 discordant pairs in favour of NCECS). ' +
      'The paper says "more than 50%" (EVIDENCE.md: "≥50 %"). Its summary "out of total 27 patients, 9 had more than 50% repigmentation" ' +
      'adds the NCECS and hyaluronic-acid responders (8 + 1). The NCECS suspension itself contains hyaluronic acid.',
  },
  {
    id: 'ncecs-site-prep',
    measure:
      'Lesions with more than 75% repigmentation after NCECS by recipient-site preparation, three lesions per patient randomized within patient (NCT03668834)',
    value: {
      form: 'x-of-n',
      arms: [
        { label: 'dermabrasion (intervention 1)', x: 20, n: 36 },
        { label: 'microneedling / dermaroller (intervention 2)', x: 1, n: 36 },
        { label: 'liquid-nitrogen blister (intervention 3)', x: 17, n: 36 },
      ],
    },
    design: 'within-patient',
    provenance: {
      seed: ATMP,
      section: `${ATMP_TABLE1}, NCT03668834`,
      quote: 'Intervention 1 (36 lesions) No. of lesions with more than 75% repigmentation: 20',
      supporting: [
        {
          section: `${ATMP_TABLE1}, NCT03668834`,
          quote:
            'No. of lesions with more than 75% repigmentation: 1 No. of lesions with proper color match: 8Lesions undergone intervention 2',
        },
        {
          section: `${ATMP_TABLE1}, NCT03668834`,
          quote: 'Intervention 3 (36 lesions) No. of lesions with more than 75% repigmentation: 17',
        },
        {
          section: `${ATMP_TABLE1}, NCT03668834`,
          quote: 'Note: Each patient has at least 3 depigmented lesions. Lesions randomly receive one of the interventions.',
        },
      ],
    },
    notes:
      '36 patients, one lesion per preparation each, so the three rows are paired within patient (three-way within-patient design); ' +
      'the joint outcomes are not given. Which count belongs to intervention 2 is read from the table layout ("…: 1 … Lesions undergone intervention 2"). ' +
      'Proper colour match: 17, 8 and 7 lesions.',
  },
  {
    id: 'ncecs-stability',
    measure:
      'Patients with more than 75% repigmentation, NCECS alone vs NCECS + non-cultured dermal cell suspension, by vitiligo stability 3–6 vs >12 months (NCT03013049), 24-month follow-up',
    value: {
      form: 'x-of-n',
      arms: [
        { label: '3–6 months stability, NCECS', x: 3, n: 10 },
        { label: '3–6 months stability, NCECS + dermal cells', x: 10, n: 10 },
        { label: '>12 months stability, NCECS', x: 6, n: 10 },
        { label: '>12 months stability, NCECS + dermal cells', x: 7, n: 10 },
      ],
    },
    design: 'parallel',
    provenance: {
      seed: ATMP,
      section: `${ATMP_TABLE1}, NCT03013049`,
      quote:
        'Group 1 patients undergone Intervention 1 (n=10) with 24 months follow up No. of patients with more than 75% repigmentation: 3',
      supporting: [
        {
          section: `${ATMP_TABLE1}, NCT03013049`,
          quote:
            'Group 1 patients undergone Intervention 1 and 2 (n=10) with 24 months follow upSubgroup B (n=10) No. of patients with more than 75% repigmentation: 10',
        },
        {
          section: `${ATMP_TABLE1}, NCT03013049`,
          quote:
            'Group 2 patients undergone Intervention 1 (n=10) with 24 months follow up No. of patients with more than 75% repigmentation: 6',
        },
        {
          section: `${ATMP_TABLE1}, NCT03013049`,
          quote:
            'Group 2 patients undergone Intervention 1 and 2 (n=10) with 24 months follow up No. of patients with more than 75% repigmentation: 7',
        },
      ],
    },
    notes:
      '40 patients in four groups of 10 (different patients per row); the review does not say whether allocation within a stability group was randomized. ' +
      '8 of the 10 in the 3–6-month combined group had more than 90% repigmentation.',
  },
  {
    id: 'ncecs-lesions',
    measure:
      'Lesions with more than 75% repigmentation, NCECS vs outer-root-sheath hair-follicle suspension (ORSHFS), then NB-UVB (NCT02510651)',
    value: {
      form: 'x-of-n',
      arms: [
        { label: 'NCECS, lesions', x: 10, n: 61 },
        { label: 'ORSHFS, lesions', x: 5, n: 24 },
      ],
    },
    design: 'parallel',
    provenance: {
      seed: ATMP,
      section: `${ATMP_TABLE1}, NCT02510651`,
      quote: 'No. of lesions with more than 75% repigmentation: 10 (out of 61)',
      supporting: [
        { section: `${ATMP_TABLE1}, NCT02510651`, quote: 'No. of lesions with more than 75% epigmentation: 5 (out of 24) (20)' },
      ],
    },
    notes:
      'Lesions, not patients: 61 lesions in 31 NCECS patients and 24 in 6 ORSHFS patients, so counts are clustered and the effective n is smaller. ' +
      'Not randomized (a study of procedural variables). "epigmentation" is the paper\'s typo.',
  },
  {
    id: 'ncecs-orshfs-patients',
    measure: 'Patients with more than 75% repigmentation, NCECS vs ORSHFS (NCT02510651)',
    value: {
      form: 'x-of-n',
      arms: [
        { label: 'NCECS', x: 2, n: 31 },
        { label: 'ORSHFS', x: 2, n: 6 },
      ],
    },
    design: 'parallel',
    provenance: {
      seed: ATMP,
      section: `${ATMP_TABLE1}, NCT02510651`,
      quote: 'No. of patients with more than 75% repigmentation: 2 No. of lesions with more than 75% repigmentation: 10 (out of 61)',
      supporting: [
        { section: `${ATMP_TABLE1}, NCT02510651`, quote: 'obtained from gluteal area or front of thigh (n=31).' },
        { section: `${ATMP_TABLE1}, NCT02510651`, quote: 'the recipient sites are prepared with CO2 laser (n=6).' },
        { section: `${ATMP_TABLE1}, NCT02510651`, quote: 'No. of patients with more than 75% epigmentation: 2' },
      ],
    },
    notes: 'Not randomized. Not in EVIDENCE.md; the patient-level counts behind ncecs-lesions.',
  },
  {
    id: 'ncecs-cryoblebs-vs-co2',
    measure:
      'Distal-finger lesions with more than 90% repigmentation after NCECS, recipient site prepared by cryoblebbing vs CO2 laser (NCT02510651)',
    value: {
      form: 'x-of-n',
      arms: [
        { label: 'cryoblebbing, distal-finger lesions', x: 10, n: 10 },
        { label: 'CO2 laser, distal-finger lesions', x: 0, n: 24 },
      ],
    },
    design: 'parallel',
    provenance: {
      seed: ATMP,
      section: `${ATMP_TABLE1}, NCT02510651`,
      quote:
        'All lesions located in distal fingers prepared with cryoblebbing (n=10) and none of the lesions located in distal fingers prepared with CO2 laser (n=24) had more than 90% repigmentation.',
    },
    notes: 'Lesions, not patients; not randomized. Cryoblebbing healed more slowly and had more infections. Not in EVIDENCE.md.',
  },
  {
    id: 'ncecs-single-arm-65',
    measure:
      'Patients with more than 65% repigmentation after NCECS with dermabrasion (NCT00830713, phase III), follow-up at least 3 months',
    value: { form: 'x-of-n', arms: [{ label: 'NCECS', x: 14, n: 23 }] },
    design: 'single-arm',
    provenance: {
      seed: ATMP,
      section: `${ATMP_TABLE1}, NCT00830713`,
      quote: 'No. of patients with more than 65% repigmentation: 14 (5 out of 14 patients had more than 95% repigmentation)',
      supporting: [
        { section: `${ATMP_TABLE1}, NCT00830713`, quote: 'we authors changed it to 23 patients as reporter in the related publication' },
      ],
    },
    notes:
      'Threshold 65%, not on the quartile scale. n = 23 as published (the registry says 40). ' +
      'Adverse events: pain 5, hypopigmentation/koebnerization 7, scarring 1. Not in EVIDENCE.md.',
  },
  {
    id: 'melanocyte-injection-75',
    measure: 'Patients with more than 75% repigmentation after intra-epidermal injection of autologous melanocyte suspension (NCT00631865)',
    value: { form: 'x-of-n', arms: [{ label: 'melanocyte suspension', x: 4, n: 10 }] },
    design: 'single-arm',
    provenance: {
      seed: ATMP,
      section: `${ATMP_TABLE1}, NCT00631865`,
      quote: 'No. of patients with more than 75% repigmentation: 4 (23).',
      supporting: [
        { section: `${ATMP_TABLE1}, NCT00631865`, quote: 'we authors changed it to 10 patients as reported in the related publication.' },
      ],
    },
    notes: 'n = 10 as published (the registry says 300). "(23)" is a reference number. Not in EVIDENCE.md.',
  },
];

/** Freezes an object and everything in it, so that no caller can change the shared library. */
function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/** Every entry of the library (deeply frozen), grouped by source paper. */
export const EVIDENCE: readonly EvidenceEntry[] = deepFreeze([
  ...AGA_ENTRIES,
  ...RDEB_ENTRIES,
  ...MSC_ENTRIES,
  ...TCI_TABLE3,
  ...TCI_OTHER,
  ...ATMP_ENTRIES,
]);

/** The ids of every entry, in library order. */
export const EVIDENCE_IDS: readonly string[] = Object.freeze(EVIDENCE.map((e) => e.id));

const BY_ID: ReadonlyMap<string, EvidenceEntry> = new Map(EVIDENCE.map((e) => [e.id, e]));

/** The entry with this id, or `undefined` when there is none. */
export function getEvidence(id: string): EvidenceEntry | undefined {
  return BY_ID.get(id);
}
