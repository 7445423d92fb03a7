package vn.thidua.pages;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn on the server as SVG by {@code templates/pages/chart.html}: each row
 * a label above its bar, a bar made of one segment per series (stacked), the total at its end. The
 * geometry is computed here; the template only places it, so every label is escaped by Thymeleaf.
 * The drawing scales to the page's width (viewBox), a phone's 390 px included.
 */
public record BarChart(String id, String title, List<String> series, List<Row> rows, int width, int height) {

	static final String[] COLOURS = { "#c8102e", "#1f6fb2", "#e0a800", "#2e8b57", "#7b4ea3", "#d2691e", "#5f6b7a" };

	static final int WIDTH = 640;

	static final int LABEL_HEIGHT = 18;

	static final int BAR_HEIGHT = 18;

	static final int ROW_GAP = 12;

	static final int VALUE_SPACE = 48;

	/** A row: its label, its segments and the total. */
	public record Row(String label, List<Segment> segments, double total, String totalText, int labelY, int barY,
			int totalX) {
	}

	public record Segment(String series, String colour, double value, int x, int width) {
	}

	public record Legend(String name, String colour) {
	}

	public List<Legend> legend() {
		List<Legend> legend = new ArrayList<>();
		for (int i = 0; i < series.size(); i++) {
			legend.add(new Legend(series.get(i), colour(i)));
		}
		return legend;
	}

	public boolean empty() {
		return rows.isEmpty();
	}

	public int barHeight() {
		return BAR_HEIGHT;
	}

	static String colour(int i) {
		return COLOURS[i % COLOURS.length];
	}

	/**
	 * @param values one array per row, one value per series
	 * @param unit appended to each total, e.g. « ngày» (empty for counts)
	 */
	public static BarChart of(String id, String title, List<String> series, List<String> labels,
			List<double[]> values, String unit) {
		double max = 0;
		for (double[] v : values) {
			double sum = 0;
			for (double x : v) {
				sum += x;
			}
			max = Math.max(max, sum);
		}
		int plot = WIDTH - VALUE_SPACE;
		List<Row> rows = new ArrayList<>();
		int y = 4;
		for (int r = 0; r < labels.size(); r++) {
			double[] v = values.get(r);
			List<Segment> segments = new ArrayList<>();
			double x = 0;
			double total = 0;
			for (int s = 0; s < v.length; s++) {
				if (v[s] <= 0) {
					continue;
				}
				double w = max == 0 ? 0 : v[s] / max * plot;
				segments.add(new Segment(series.get(s), colour(s), v[s], (int) Math.round(x),
						Math.max(1, (int) Math.round(w))));
				x += w;
				total += v[s];
			}
			int labelY = y + LABEL_HEIGHT - 4;
			int barY = y + LABEL_HEIGHT;
			rows.add(new Row(labels.get(r), segments, total, format(total) + unit, labelY, barY,
					(int) Math.round(x) + 6));
			y += LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;
		}
		return new BarChart(id, title, List.copyOf(series), rows, WIDTH, Math.max(y, 20));
	}

	static String format(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value)
				: String.format(java.util.Locale.forLanguageTag("vi"), "%.1f", value);
	}

}
