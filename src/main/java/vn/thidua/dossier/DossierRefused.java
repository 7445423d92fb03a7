package vn.thidua.dossier;

/** A dossier request refused: the HTTP status and the Vietnamese message; nothing was stored. */
class DossierRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	final int status;

	final String field;

	DossierRefused(int status, String field, String message) {
		super(message);
		this.status = status;
		this.field = field;
	}

}
