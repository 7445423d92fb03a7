package vn.thidua.award;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/** The configured award catalogue, checked once at start-up. */
@Component
public class AwardCatalogue {

	private final List<Award> awards;

	AwardCatalogue(AwardProperties properties) {
		this.awards = properties.catalogue();
		Set<String> codes = new HashSet<>();
		for (Award award : awards) {
			if (award.code() == null || !award.code().matches("[A-Z0-9_]+") || !codes.add(award.code())) {
				throw new IllegalStateException("Danh mục khen thưởng: mã '" + award.code()
						+ "' phải gồm chữ in hoa không dấu, số, '_' và không lặp");
			}
			if (award.name() == null || award.name().isBlank() || award.issuer() == null) {
				throw new IllegalStateException("Danh mục khen thưởng: '" + award.code() + "' thiếu tên hoặc cấp ban hành");
			}
		}
	}

	public List<Award> all() {
		return awards;
	}

	public Optional<Award> find(String code) {
		return awards.stream().filter(a -> a.code().equals(code)).findFirst();
	}

}
