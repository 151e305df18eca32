import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Bar {
  label: string;
  /** What the axis shows when the label is long (the table always shows the label). */
  axisLabel?: string;
  value: number;
}

/** About how wide a label of n characters is in the axis's 12 px font, with room between labels. */
const labelWidth = (text: string) => text.length * 7 + 12;

const ink = '#1b1f24';
const bar = '#1d4ed8';
const grid = '#d1d5db';

/** The width a chart may take: its container's, followed as the window changes. */
const useWidth = () => {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { box, width };
};

/**
 * A bar chart drawn by uPlot (small, fast canvas charts: about 20 KB gzipped, which matters on a phone), captioned,
 * with the same numbers in a table below it: the canvas is hidden from screen readers and nothing is told by colour.
 * On a narrow screen only every few bars is labelled on the axis; the table has them all.
 */
export const BarChart = (props: {
  caption: string;
  bars: Bar[];
  /** The axis's numbers (may be compact); the table shows `exact`. */
  format: (value: number) => string;
  exact: (value: number) => string;
  labelHeading: string;
  valueHeading: string;
}) => {
  const { box, width } = useWidth();
  const canvas = useRef<HTMLDivElement>(null);
  const { bars, format } = props;
  useEffect(() => {
    const target = canvas.current;
    if (!target || width === 0 || bars.length === 0) return;
    const indices = bars.map((_, i) => i);
    const highest = Math.max(...bars.map((b) => b.value), 1);
    const axisLabel = (b: Bar | undefined) => b?.axisLabel ?? b?.label ?? '';
    const widest = Math.max(...bars.map((b) => labelWidth(axisLabel(b))));
    // The value axis's width: its widest number (the scale tops out a little above the highest bar) and its ticks.
    const valueAxis = Math.max(48, labelWidth(format(highest * 1.1)) + 16);
    const everyNth = Math.max(1, Math.ceil((bars.length * widest) / (width - valueAxis)));
    const chart = new uPlot(
      {
        width,
        height: 220,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, bars.length - 0.5] }, y: { range: [0, highest * 1.1] } },
        axes: [
          {
            stroke: ink,
            grid: { show: false },
            ticks: { show: false },
            splits: () => indices.filter((i) => i % everyNth === 0),
            values: (_, splits) => splits.map((i) => axisLabel(bars[i])),
          },
          {
            stroke: ink,
            grid: { stroke: grid, width: 1 },
            size: valueAxis,
            values: (_, splits) => splits.map(format),
          },
        ],
        series: [
          {},
          { fill: bar, stroke: bar, points: { show: false }, paths: uPlot.paths.bars?.({ size: [0.7, 56] }) },
        ],
      },
      [indices, bars.map((b) => b.value)],
      target,
    );
    return () => chart.destroy();
  }, [width, bars, format]);
  return (
    <figure class="chart">
      <figcaption>{props.caption}</figcaption>
      <div ref={box}>
        <div ref={canvas} aria-hidden="true" />
      </div>
      <details>
        <summary>The numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{props.labelHeading}</th>
              <th scope="col" class="number">
                {props.valueHeading}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <td>{b.label}</td>
                <td class="number">{props.exact(b.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
};

/**
 * Proportions as bars in plain HTML, each with its count and share written out: a funnel, the outcomes. Readable
 * without colour, by a screen reader as a list, and at any width.
 */
export const BarList = (props: { label: string; items: { name: string; count: number; note?: string }[] }) => {
  const highest = Math.max(...props.items.map((i) => i.count), 1);
  return (
    <ol class="bar-list" aria-label={props.label}>
      {props.items.map((item) => (
        <li key={item.name}>
          <span class="bar-name">{item.name}</span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar-fill" style={{ width: `${(item.count / highest) * 100}%` }} />
          </span>
          <span class="bar-count">
            {item.count.toLocaleString()}
            {item.note && <span class="secondary"> {item.note}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
};
