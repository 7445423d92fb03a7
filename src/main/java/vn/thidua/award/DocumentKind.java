package vn.thidua.award;

/**
 * A kind of document of a nomination dossier ({@code thidua.awards.document-kinds}).
 *
 * @param code stable code, e.g. BAO_CAO_THANH_TICH
 * @param label Vietnamese label with the legal form number, e.g. «Báo cáo thành tích (Mẫu 05)»
 * @param board whether only the board adds it (its own minutes), not the nominating chapter
 */
public record DocumentKind(String code, String label, boolean board) {

}
