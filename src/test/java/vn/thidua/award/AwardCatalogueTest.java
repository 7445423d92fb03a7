package vn.thidua.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import vn.thidua.award.AwardCatalogue.DossierKind;

/** The catalogue as {@code application.yaml} ships it, bound as the application binds it, without a context. */
class AwardCatalogueTest {

	static AwardCatalogue shipped() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
			.forEach(environment.getPropertySources()::addLast);
		AwardProperties properties = new Binder(ConfigurationPropertySources.get(environment))
			.bind("thidua.awards", AwardProperties.class)
			.get();
		return new AwardCatalogue(properties);
	}

	@Test
	void theShippedCatalogueHoldsEveryAwardOfTheReadme() throws IOException {
		AwardCatalogue catalogue = shipped();
		assertThat(catalogue.all()).extracting(Award::code)
			.containsExactly("GK_HOI_PHUONG", "GK_UBND_PHUONG", "LAO_DONG_TIEN_TIEN", "CSTD_CO_SO", "TAP_THE_LDTT",
					"BK_HOI_THANH_PHO", "BK_TW_HOI");
		assertThat(catalogue.find("BK_HOI_THANH_PHO")).get()
			.satisfies(a -> assertThat(a.withinWardAuthority()).isFalse());
		assertThat(catalogue.find("CSTD_CO_SO").get().nomineeTypes()).containsExactly("INDIVIDUAL");
		assertThat(catalogue.find("NO_SUCH")).isEmpty();
	}

	@Test
	void aCollectivesDossierAlsoNeedsItsMemberList() throws IOException {
		AwardCatalogue catalogue = shipped();
		List<DossierKind> collective = catalogue.dossierKinds("GK_HOI_PHUONG", "COLLECTIVE");
		List<DossierKind> individual = catalogue.dossierKinds("GK_HOI_PHUONG", "INDIVIDUAL");
		assertThat(collective).filteredOn(DossierKind::required)
			.extracting(DossierKind::code)
			.containsExactly("BAO_CAO_THANH_TICH", "BIEN_BAN_BINH_XET", "DANH_SACH_HOI_VIEN");
		assertThat(individual).filteredOn(DossierKind::required)
			.extracting(DossierKind::code)
			.containsExactly("BAO_CAO_THANH_TICH", "BIEN_BAN_BINH_XET");
		assertThat(individual).extracting(DossierKind::code).doesNotContain("DANH_SACH_HOI_VIEN");
		assertThat(catalogue.dossierKinds("NO_SUCH", "INDIVIDUAL")).isEmpty();
	}

	@Test
	void aCatalogueNamingAnUnknownDocumentKindDoesNotStart() {
		Award broken = new Award("GK_X", "Giấy khen thử", "WARD_UNION_CHAIR", "Chủ tịch", true, null,
				List.of("NOT_A_KIND"), null, null);
		assertThatThrownBy(() -> new AwardCatalogue(new AwardProperties(List.of(broken),
				List.of(new DocumentKind("BAO_CAO_THANH_TICH", "Báo cáo thành tích", false)), List.of())))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("NOT_A_KIND");
		Award lowerCase = new Award("gk", "Giấy khen", "WARD_UNION_CHAIR", "Chủ tịch", true, null, null, null, null);
		assertThatThrownBy(() -> new AwardCatalogue(new AwardProperties(List.of(lowerCase), List.of(), List.of())))
			.isInstanceOf(IllegalStateException.class);
	}

}
