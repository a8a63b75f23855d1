import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

struct ComparisonPagesTests {
    @Test(arguments: [
        ("Secures FINANCING, and negotiates deals!", "securesfinancingandnegotiatesdeals"),
        ("Runs the 2nd-unit crew", "runsthe2ndunitcrew"),
        ("  ", ""),
        ("Négocie les droits d'auteur", "négocielesdroitsdauteur"),
        ("Leads ÉQUIPE B", "leadséquipeb"),
    ])
    func dutiesMatchIgnoringCasePunctuationAndSpacing(duty: String, key: String) {
        #expect(ComparisonPages.normalisedDuty(duty) == key)
    }
}
