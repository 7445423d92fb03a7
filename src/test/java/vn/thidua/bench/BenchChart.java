package vn.thidua.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/** results.png: task-list percentiles per persona (left), chains/s against K, ours and floor (right). */
final class BenchChart {

	private static final int W = 1400;

	private static final int H = 640;

	private static final Color OURS = new Color(0xc2185b);

	private static final Color FLOOR = new Color(0x455a64);

	private BenchChart() {
	}

	@SuppressWarnings("unchecked")
	static void draw(Map<String, Object> results, Path file) throws IOException {
		BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, W, H);
		Map<String, Object> scale = (Map<String, Object>) results.get("scale");
		Map<String, Object> machine = (Map<String, Object>) results.get("machine");
		g.setColor(Color.BLACK);
		g.setFont(new Font("DejaVu Sans", Font.BOLD, 20));
		g.drawString("Thi đua – đo hiệu năng ở quy mô thành phố", 30, 34);
		g.setFont(new Font("DejaVu Sans", Font.PLAIN, 14));
		g.drawString(String.format(Locale.ROOT,
				"%s phường, %s chi hội, %s người, %s việc đang mở, %s hồ sơ đã xong · %s lõi, %s GiB · PostgreSQL",
				scale.get("wards"), scale.get("chapters"), scale.get("people"), scale.get("openTasks"),
				scale.get("finishedInstances"), machine.get("cores"), machine.get("memoryGiB")), 30, 58);
		taskList(g, (List<Map<String, Object>>) results.get("taskList"), 30, 90, 640, 500);
		chains(g, (List<Map<String, Object>>) results.get("chains"), 730, 90, 640, 500);
		g.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	/** One horizontal bar per role and filter: p95 as the bar, p50 and p99 as ticks, the goal as a line. */
	private static void taskList(Graphics2D g, List<Map<String, Object>> rows, int x, int y, int w, int h) {
		g.setFont(new Font("DejaVu Sans", Font.BOLD, 16));
		g.setColor(Color.BLACK);
		g.drawString("Danh sách việc, trang đầu (15): p95 (cột), p50 và p99 (vạch), ms", x, y);
		int top = y + 30;
		int labels = 250;
		int left = x + labels;
		int right = x + w - 50;
		double max = 10;
		for (Map<String, Object> r : rows) {
			max = Math.max(max, ((Stats) r.get("stats")).p99());
		}
		max = niceCeiling(max * 1.1);
		int bar = Math.min(28, (h - 90) / Math.max(1, rows.size()));
		int bottom = top + bar * rows.size();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> row = rows.get(i);
			Stats s = (Stats) row.get("stats");
			int by = top + i * bar;
			g.setColor(Color.BLACK);
			g.setFont(new Font("DejaVu Sans", Font.PLAIN, 12));
			g.drawString(persona(String.valueOf(row.get("persona"))) + " · «" + row.get("filter") + "»"
					+ ("Tasklist session".equals(row.get("via")) ? "" : " · Basic"), x, by + bar - 9);
			int len = (int) ((right - left) * s.p95() / max);
			g.setColor(i == 0 ? OURS : new Color(0xf48fb1));
			g.fillRect(left, by + 4, len, bar - 8);
			g.setColor(new Color(0x880e4f));
			for (double tick : new double[] { s.p50(), s.p99() }) {
				int tx = left + (int) ((right - left) * tick / max);
				g.fillRect(tx - 1, by + 2, 2, bar - 4);
			}
			g.setColor(Color.BLACK);
			g.drawString(String.format(Locale.ROOT, "%.1f", s.p95()), Math.min(left + len + 6, right + 6), by + bar - 9);
		}
		g.setColor(Color.GRAY);
		g.drawLine(left, top, left, bottom);
		g.drawLine(left, bottom, right, bottom);
		g.setFont(new Font("DejaVu Sans", Font.PLAIN, 11));
		for (int t = 0; t <= 4; t++) {
			double v = max * t / 4;
			int tx = left + (int) ((right - left) * t / 4.0);
			g.drawString(String.format(Locale.ROOT, "%.0f", v), tx - 6, bottom + 14);
		}
		// goal: p95 <= 10 ms for a chapter head's list
		int goalX = left + (int) ((right - left) * 10 / max);
		g.setColor(new Color(0x2e7d32));
		g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 8, 6 }, 0));
		g.drawLine(goalX, top - 4, goalX, bottom);
		g.setStroke(new BasicStroke(1));
		g.setFont(new Font("DejaVu Sans", Font.PLAIN, 12));
		g.drawString("- - - mục tiêu p95 ≤ 10 ms (chi hội trưởng, «Việc của chi hội»)", x, bottom + 34);
	}

	private static String persona(String persona) {
		return switch (persona) {
			case "chapter head" -> "Chi hội trưởng";
			case "board member" -> "Ban Thường vụ";
			case "council member" -> "Hội đồng";
			case "cell secretary" -> "Bí thư chi bộ";
			case "chair" -> "Chủ tịch";
			default -> persona;
		};
	}

	private static void chains(Graphics2D g, List<Map<String, Object>> rows, int x, int y, int w, int h) {
		g.setFont(new Font("DejaVu Sans", Font.BOLD, 16));
		g.setColor(Color.BLACK);
		g.drawString("Chuỗi đề nghị hoàn chỉnh / giây theo số người dùng đồng thời K", x, y);
		int top = y + 30;
		int bottom = y + h - 70;
		int left = x + 50;
		int right = x + w - 20;
		List<int[]> ks = new ArrayList<>();
		double max = 0.1;
		List<Double> ours = new ArrayList<>();
		List<Double> floor = new ArrayList<>();
		List<Integer> k = new ArrayList<>();
		for (Map<String, Object> r : rows) {
			double v = (double) r.get("chainsPerSecond");
			max = Math.max(max, v);
			if ("floor".equals(r.get("model"))) {
				floor.add(v);
				k.add((Integer) r.get("clients"));
			}
			else {
				ours.add(v);
			}
		}
		ks.clear();
		max = niceCeiling(max * 1.15);
		axis(g, left, top, bottom, right, max, "chuỗi/s");
		int n = k.size();
		int step = n <= 1 ? 0 : (right - left - 60) / (n - 1);
		g.setFont(new Font("DejaVu Sans", Font.PLAIN, 12));
		for (int i = 0; i < n; i++) {
			g.setColor(Color.BLACK);
			g.drawString("K=" + k.get(i), left + 30 + i * step - 10, bottom + 18);
		}
		line(g, floor, left + 30, step, top, bottom, max, FLOOR);
		line(g, ours, left + 30, step, top, bottom, max, OURS);
		legend(g, x + 60, y + h - 12, new Color[] { OURS, FLOOR },
				new String[] { "Thi đua (CommendationNomination)", "sàn: BPMN trần (BenchFloor)" });
	}

	private static void line(Graphics2D g, List<Double> values, int x0, int step, int top, int bottom, double max,
			Color color) {
		g.setColor(color);
		g.setStroke(new BasicStroke(3));
		int px = -1, py = -1;
		for (int i = 0; i < values.size(); i++) {
			int cx = x0 + i * step;
			int cy = (int) (bottom - (bottom - top) * values.get(i) / max);
			if (px >= 0) {
				g.drawLine(px, py, cx, cy);
			}
			g.fillOval(cx - 5, cy - 5, 10, 10);
			g.setFont(new Font("DejaVu Sans", Font.PLAIN, 12));
			g.drawString(String.format(Locale.ROOT, "%.2f", values.get(i)), cx + 7, cy - 7);
			px = cx;
			py = cy;
		}
		g.setStroke(new BasicStroke(1));
	}

	private static void axis(Graphics2D g, int left, int top, int bottom, int right, double max, String unit) {
		g.setFont(new Font("DejaVu Sans", Font.PLAIN, 11));
		for (int i = 0; i <= 5; i++) {
			double v = max * i / 5;
			int yy = (int) (bottom - (bottom - top) * i / 5.0);
			g.setColor(new Color(0xe0e0e0));
			g.drawLine(left, yy, right, yy);
			g.setColor(Color.DARK_GRAY);
			g.drawString(v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v),
					left - 40, yy + 4);
		}
		g.setColor(Color.BLACK);
		g.drawLine(left, top, left, bottom);
		g.drawLine(left, bottom, right, bottom);
		g.drawString(unit, left - 40, top - 8);
	}

	private static void legend(Graphics2D g, int x, int y, Color[] colors, String[] names) {
		g.setFont(new Font("DejaVu Sans", Font.PLAIN, 12));
		int cx = x;
		for (int i = 0; i < colors.length; i++) {
			g.setColor(colors[i]);
			g.fillRect(cx, y - 11, 14, 12);
			g.setColor(Color.BLACK);
			g.drawString(names[i], cx + 20, y);
			cx += 40 + g.getFontMetrics().stringWidth(names[i]);
		}
	}

	private static double niceCeiling(double v) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
		for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (m * magnitude >= v) {
				return m * magnitude;
			}
		}
		return 10 * magnitude;
	}

}
