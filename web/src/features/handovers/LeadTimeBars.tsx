// The organisation's lead times as bars (median and 90th percentile per step), beside the table
// that assistive technology reads; hidden from it, so the figures are not read twice.
import type { ApiResponse } from '../../api.js';
import { barScale, barWidth } from './lead-times.js';
import { stepText, useHandoverT } from './texts.js';

type Interval = ApiResponse<'GET', '/api/v1/lead-times'>['intervals'][number];

export function LeadTimeBars({ intervals }: { intervals: Interval[] }) {
  const t = useHandoverT();
  const max = barScale(intervals);
  return (
    <div aria-hidden="true">
      <div className="regie-bars">
        {intervals.map((i) => (
          <div key={i.to} style={{ display: 'contents' }}>
            <span className="regie-bars__label">{stepText(t, i.from, i.to)}</span>
            <span className="regie-bars__track">
              {i.count === 0 ? (
                <span className="regie-muted">{t('noData')}</span>
              ) : (
                <>
                  <span className="regie-bar regie-bar--median" style={{ width: barWidth(i.medianDays, max) }} />
                  <span className="regie-bar regie-bar--p90" style={{ width: barWidth(i.p90Days, max) }} />
                </>
              )}
            </span>
          </div>
        ))}
      </div>
      <div className="regie-bars__legend">
        <span>
          <span className="regie-bars__swatch regie-bar--median" />
          {t('medianLegend')}
        </span>
        <span>
          <span className="regie-bars__swatch regie-bar--p90" />
          {t('p90Legend')}
        </span>
      </div>
    </div>
  );
}
