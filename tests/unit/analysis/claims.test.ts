import { describe, expect, it } from 'vitest';
import { readClaims } from '../../../scripts/ingest/analysis/claims.ts';

describe('counts a source gives about an event', () => {
  it.each([
    [
      'A factory fire in the industrial zone killed 17 workers and injured 32 others, the fire service said.',
      { dead: '17', injured: '32' },
    ],
    [
      'Floods swept through the valley on Sunday, killing at least 23 people and injuring 40.',
      { dead: 'at least 23', injured: '40' },
    ],
    [
      'The death toll from the floods rose to 31 on Tuesday, with 12 people still missing.',
      { dead: '31', missing: '12' },
    ],
    ['Officials put the death toll at twenty-seven.', { dead: '27' }],
    ['The official death toll stands at about 90.', { dead: 'about 90' }],
    ['The explosion left 4 people dead and 11 wounded.', { dead: '4', injured: '11' }],
    ['The fire left nine dead and dozens injured.', { dead: '9', injured: 'dozens' }],
    ['Rescuers recovered 14 bodies from the rubble.', { dead: '14' }],
    ['The quake has claimed the lives of more than 300 people.', { dead: 'more than 300' }],
    ['Authorities said 18 miners were killed when the shaft collapsed.', { dead: '18' }],
    ['Nine of them died in hospital.', { dead: '9' }],
    ['Five residents had been confirmed dead by the evening.', { dead: '5' }],
    [
      'The landslide buried the hamlet; 23 villagers remain missing and 40 were rescued.',
      { missing: '23', rescued: '40' },
    ],
    [
      'More than 100 residents were unaccounted for after the landslide.',
      { missing: 'more than 100' },
    ],
    ['The bridge collapsed, injuring dozens of commuters.', { injured: 'dozens' }],
    ['Police detained 45 protesters outside the parliament.', { detained: '45' }],
    [
      'Some 200 people were arrested during the strike, the interior ministry said.',
      { detained: 'about 200' },
    ],
    ['Relatives have asked for news of the 12 detained dockers.', { detained: '12' }],
    [
      'The coup leaders ordered the detention of 20 ministers and freed 14 of them on Friday.',
      { detained: '20', released: '14' },
    ],
    ['Twelve of the detainees remain in custody, their lawyers said.', { stillHeld: '12' }],
    ['As many as 40 sailors are still being held at the port.', { stillHeld: 'up to 40' }],
    [
      'The government expelled two Ruritanian diplomats it accused of spying.',
      { expelled: '2', accusation: 'spying' },
    ],
    ['Officials ordered the evacuation of 5,000 residents.', { evacuated: '5000' }],
    [
      'Nearly 3,000 residents were evacuated as the river burst its banks.',
      {
        evacuated: 'nearly 3000',
      },
    ],
    ['The storm left about 500 families homeless.', { displaced: 'about 500' }],
    ['Gunmen abducted 27 students from a boarding school overnight.', { abducted: '27' }],
    ['The 2010 earthquake killed more than 200,000 people.', { dead: 'more than 200000' }],
    ['On 3 July 2024, 14 people were arrested.', { detained: '14' }],
    ['The official toll stands at 40; a local charity says 55 people died.', { dead: '40' }],
  ])('reads the counts in "%s"', (passage, claims) => {
    expect(readClaims(passage)).toEqual(claims);
  });

  it.each([
    ['some 30 people died', 'about thirty people died'],
    ['the strike ended with at least 14 arrested', 'police arrested no fewer than fourteen'],
    ['more than a dozen were evacuated', 'the army evacuated over 12 villagers'],
  ])('gives one wording to one figure: "%s" and "%s"', (a, b) => {
    expect(Object.values(readClaims(a))).toEqual(Object.values(readClaims(b)));
    expect(Object.values(readClaims(a))).toHaveLength(1);
  });
});

describe('numbers that are not counts of people', () => {
  it.each([
    'A man aged 58 died in hospital.',
    'Two people, aged 71 and 74, died in the heat.',
    'The victims, aged 12 to 15, were injured when the wall fell.',
    'In 2019, the plant employed 300 workers.',
    'On March 12 people gathered in the square.',
    'The strike began on 14 May and was detained by a court injunction.',
    'Shares fell 14 per cent on Monday.',
    'Turnout was 62% and 14 points higher than in 2019.',
    'The company was fined $14 million.',
    'The fund paid 2 million euros to 300 families.',
    'Temperatures hit 45 degrees and 12 districts were affected.',
    'The storm killed livestock in 14 villages.',
    'No one was injured in the blast.',
    'Two gunmen killed a guard at the gate.',
    'Another 5 people died overnight.',
    'The toll of the war is hard to measure.',
    'The stadium holds 40,000 people.',
    'The dam released an estimated 2.4 million cubic metres of waste.',
    'COVID-19 killed thousands of people in the region.',
  ])('reads no count in "%s"', (passage) => {
    const counts = Object.entries(readClaims(passage)).filter(([, v]) => /\d/.test(v));
    expect(counts).toEqual([]);
  });
});

describe('causes, reasons and accusations', () => {
  it.each([
    [
      'The fire was caused by a faulty heater in the kitchen, investigators said.',
      { cause: 'a faulty heater in the kitchen' },
    ],
    [
      'The blaze was triggered by an electrical fault, according to investigators.',
      { cause: 'an electrical fault' },
    ],
    ['The governor blamed the flooding on blocked drains.', { cause: 'blocked drains' }],
    [
      'The siege was the result of a breakdown in talks between the rebels and the army.',
      { cause: 'a breakdown in talks between the rebels and the army' },
    ],
    [
      'The operator said the outage had been caused by "a once-in-a-century storm" that hit the coast.',
      { cause: 'a once-in-a-century storm' },
    ],
    ['The mayor resigned over the housing scandal.', { reason: 'the housing scandal' }],
    [
      'The border was closed over the weekend and the mayor resigned over the arrests.',
      { reason: 'the arrests' },
    ],
    ['Teachers went on strike over unpaid wages.', { reason: 'unpaid wages' }],
    ['The minister stepped down for strictly personal reasons.', { reason: 'personal reasons' }],
    ['Her letter cited personal reasons.', { reason: 'personal reasons' }],
    [
      'The strike was called off on the grounds that talks had resumed.',
      { reason: 'talks had resumed' },
    ],
    [
      'The union said the dismissals were retaliation for the strike.',
      { reason: 'retaliation for the strike' },
    ],
    [
      'The eviction was based on a court order issued by the high court.',
      { reason: 'a court order issued by the high court' },
    ],
    [
      'The plant was shut as a precaution while inspectors checked the boilers.',
      { reason: 'a precaution' },
    ],
    ['The square was cleared, officially for a security sweep.', { reason: 'a security sweep' }],
    [
      'The landlord evicted 30 tenants, citing unpaid rent, and later sold the block.',
      { reason: 'unpaid rent' },
    ],
    ['The airline cancelled 120 flights because of the storm.', { reason: 'the storm' }],
    ['The concert was postponed because the singer fell ill.', { reason: 'the singer fell ill' }],
    ['The mayor was arrested on suspicion of taking bribes.', { accusation: 'taking bribes' }],
    [
      'Prosecutors charged her with fraud and money laundering.',
      { accusation: 'fraud and money laundering' },
    ],
    [
      'The council accused the contractor of cutting corners, saying the walls were too thin.',
      { accusation: 'cutting corners' },
    ],
  ])('reads why in "%s"', (passage, claims) => {
    expect(readClaims(passage)).toEqual(claims);
  });

  it.each([
    'The border was closed over the weekend.',
    'He was jailed for three years.',
    'The protest was organised for Saturday.',
    'Police detained two men working for a courier firm.',
    'She resigned for many reasons, she wrote.',
    'A panel charged with investigating the collapse met on Monday.',
  ])('reads no reason, cause or accusation in "%s"', (passage) => {
    const claims = readClaims(passage);
    expect([claims.reason, claims.cause, claims.accusation]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
