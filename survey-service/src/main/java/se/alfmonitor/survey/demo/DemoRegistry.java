package se.alfmonitor.survey.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.alfmonitor.survey.api.units.UnitDto;
import se.alfmonitor.survey.units.Provider;

/**
 * The demo unit registry: the real number of USVE per ALF region at 2021-12-31 (72, 23, 42, 50, 61, 25, 23), with
 * invented unit names built from real specialties and hospitals. Ids read {@code <region>-<specialty>-<nnn>}.
 */
public final class DemoRegistry {

    /** Registered USVE per ALF region on the reference date 2021-12-31. */
    public static final Map<String, Integer> UNITS_PER_REGION = orderedMap(
            "01", 72, "03", 23, "05", 42, "12", 50, "14", 61, "18", 25, "24", 23);

    private record Specialty(String code, String name, boolean directPatientContact) {
    }

    private static final List<Specialty> SPECIALTIES = List.of(
            new Specialty("ONK", "onkologi", true),
            new Specialty("KIR", "kirurgi", true),
            new Specialty("MED", "internmedicin", true),
            new Specialty("KAR", "kardiologi", true),
            new Specialty("NEU", "neurologi", true),
            new Specialty("ALM", "allmänmedicin", true),
            new Specialty("ORT", "ortopedi", true),
            new Specialty("BAR", "barn- och ungdomsmedicin", true),
            new Specialty("BUP", "barn- och ungdomspsykiatri", true),
            new Specialty("PSY", "psykiatri", true),
            new Specialty("KVS", "kvinnosjukvård", true),
            new Specialty("URO", "urologi", true),
            new Specialty("ONH", "öron-, näs- och halssjukdomar", true),
            new Specialty("OGO", "ögonsjukvård", true),
            new Specialty("HUD", "hudsjukvård", true),
            new Specialty("GER", "geriatrik", true),
            new Specialty("AKM", "akutmedicin", true),
            new Specialty("ANE", "anestesi och intensivvård", true),
            new Specialty("INF", "infektionssjukvård", true),
            new Specialty("REU", "reumatologi", true),
            new Specialty("END", "endokrinologi", true),
            new Specialty("LUN", "lungmedicin", true),
            new Specialty("HEM", "hematologi", true),
            new Specialty("NJU", "njurmedicin", true),
            new Specialty("GAS", "gastroenterologi", true),
            new Specialty("THK", "thoraxkirurgi", true),
            new Specialty("NKI", "neurokirurgi", true),
            new Specialty("REH", "rehabiliteringsmedicin", true),
            new Specialty("RAD", "bild- och funktionsmedicin", false),
            new Specialty("KKE", "klinisk kemi", false),
            new Specialty("KMB", "klinisk mikrobiologi", false),
            new Specialty("KPA", "klinisk patologi", false),
            new Specialty("KFY", "klinisk fysiologi", false),
            new Specialty("KGE", "klinisk genetik", false),
            new Specialty("KFA", "klinisk farmakologi", false),
            new Specialty("AMM", "arbets- och miljömedicin", false),
            new Specialty("KIT", "klinisk immunologi och transfusionsmedicin", false));

    private static final Map<String, List<String>> HOSPITALS = orderedMap(
            "01", List.of("Karolinska Solna", "Karolinska Huddinge", "Danderyds sjukhus", "Södersjukhuset"),
            "03", List.of("Akademiska sjukhuset", "Lasarettet i Enköping"),
            "05", List.of("Linköpings universitetssjukhus", "Vrinnevisjukhuset", "Lasarettet i Motala"),
            "12", List.of("Skånes universitetssjukhus Lund", "Skånes universitetssjukhus Malmö",
                    "Helsingborgs lasarett"),
            "14", List.of("Sahlgrenska universitetssjukhuset", "Östra sjukhuset", "Mölndals sjukhus"),
            "18", List.of("Universitetssjukhuset Örebro", "Karlskoga lasarett"),
            "24", List.of("Norrlands universitetssjukhus", "Skellefteå lasarett"));

    private DemoRegistry() {
    }

    /** Every demo unit, in a stable order. */
    public static List<UnitDto> units() {
        List<UnitDto> units = new ArrayList<>();
        for (Map.Entry<String, Integer> region : UNITS_PER_REGION.entrySet()) {
            List<String> hospitals = HOSPITALS.get(region.getKey());
            for (int n = 0; n < region.getValue(); n++) {
                Specialty specialty = SPECIALTIES.get(n % SPECIALTIES.size());
                int site = (n / SPECIALTIES.size()) % hospitals.size();
                String id = String.format("%s-%s-%03d", region.getKey(), specialty.code(), site + 1);
                String hostRegion = region.getKey();
                Provider provider = Provider.OWN_REGION;
                String hospital = hospitals.get(site);
                // a USVE may sit in a neighbouring region or at a private provider
                if ("ALM".equals(specialty.code()) && "24".equals(region.getKey())) {
                    hostRegion = "23";
                    provider = Provider.OTHER_REGION;
                    hospital = "vårdcentralerna i Östersund";
                } else if ("ALM".equals(specialty.code()) && "05".equals(region.getKey())) {
                    hostRegion = "06";
                    provider = Provider.OTHER_REGION;
                    hospital = "vårdcentralerna i Jönköping";
                } else if ("GER".equals(specialty.code()) && "01".equals(region.getKey()) && site == 0) {
                    provider = Provider.PRIVATE_COMPANY;
                    hospital = "Capio S:t Görans sjukhus";
                }
                int designated = 2015 + Math.floorMod(id.hashCode(), 5);
                units.add(new UnitDto(id, "Kliniken för " + specialty.name() + ", " + hospital, region.getKey(),
                        hostRegion, provider, designated, specialty.directPatientContact(), true));
            }
        }
        return units;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
