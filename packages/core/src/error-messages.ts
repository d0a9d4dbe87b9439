import type { FiresaleErrorCode } from '@firesale/spec';

/**
 * Message template of every error code; `$key` is replaced by the context's value. A message never changes
 * meaning once published (a test checks that every `$key` exists in the code's context type).
 */
export const firesaleErrorMessages: Readonly<Record<FiresaleErrorCode, string>> = {
  SCENARIO__INVALID_FIELD: '$path: $reason',
  SCENARIO__VALUE_MISSING: '$path: a value is required',
  SCENARIO__SIZE_NOT_POSITIVE: '$path: $value is not a positive size',
  SCENARIO__PRICE_INVALID: '$path: $value is not a valid price ($reason)',
  SCENARIO__UNKNOWN_MODEL: '$path: unknown model "$value" (known: $known)',
  SCENARIO__UNKNOWN_VENUE: '$path: unknown venue "$value" (known: $known)',
  SCENARIO__UNKNOWN_MARKET: '$path: unknown market "$value" (known: $known)',
  SCENARIO__LEVERAGE_ABOVE_VENUE_MAX: "$path: $value is above $venue's max leverage $max",
  SCENARIO__SIZE_BELOW_VENUE_MIN: "$path: $value is below $venue's minimum size $min",
  SCENARIO__COLLATERAL_NOT_ACCEPTED: '$path: $venue does not accept collateral "$value" (accepted: $accepted)',
  SCENARIO__DUPLICATE_POSITION: '$path: account "$account" already has a position on $market',
  SCENARIO__UNKNOWN_TIER: '$path: $venue has no tier for "$value" (known: $known)',
  BOOK__CROSSED_LEVELS: '$path: the book is crossed (best bid $bestBidQuote >= best ask $bestAskQuote)',
  BOOK__LEVELS_UNSORTED: '$path: $side levels are not sorted away from the mid',
  BOOK__EMPTY_SIDE: '$path: the $side side has no levels',
  CSV__MALFORMED_ROW: '$path: line $line: $reason',
  HISTORY__INVALID_RECORD: '$path: line $line: $field: $reason ($recordsRead records read before it)',
  HISTORY__WINDOW_OUTSIDE_DATA: '$path: $option $value: the window [$fromSeconds, $toSeconds] is outside the data (t from $dataStartSeconds to $dataEndSeconds)',
  HISTORY__INVALID_WINDOW: '$path: $option $value: $reason',
  FILE__UNREADABLE: '$path: cannot read the file ($reason)',
  FILE__INVALID_JSON: '$path: not valid JSON ($reason)',
  SPEC__UNSUPPORTED_VERSION: '$path: specification version "$value" is not supported (supported: $supported)',
  VECTORS__INVALID_FILE: '$path: not a test-vector file ($reason)',
  ENGINE__INVARIANT_BROKEN: 'engine invariant "$invariant" broken: $detail',
};
