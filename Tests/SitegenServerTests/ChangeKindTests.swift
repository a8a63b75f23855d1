import Testing

@testable import SitegenServer

/// Classifying changed paths before anything acts on them.
struct ChangeKindTests {
    @Test(arguments: [
        ("Content/roles/producer.md", ChangeKind.content),
        ("Content/index.md", .content),
        ("Content/compare/producer-vs-director.MD", .content),
        ("Content/images/set.png", .asset),
        ("Content/roles/diagram.svg", .asset),
        ("Templates/layouts/role.mustache", .template),
        ("Templates/partials/header.mustache", .template),
        ("Templates/assets/site.css", .asset),
        ("Templates/assets/fonts/a.woff2", .asset),
        ("Templates/assets", .template),
        ("sitegen.yml", .config),
        // The watched roots themselves: created, deleted or renamed, they rebuild everything.
        ("Content", .content),
        ("Templates", .template),
    ])
    func sourcePathIsClassified(path: String, kind: ChangeKind) {
        #expect(ChangeKind.classify(path) == kind)
    }

    @Test(arguments: [
        "Output/index.html",
        "README.md",
        "Contents",
        "Templates.old",
        "sitegen.yml.bak~",
        "Content/roles/.producer.md.swp",
        "Content/roles/producer.md~",
        "Content/roles/producer.md.swp",
        "Content/roles/#producer.md#",
        "Content/roles/.#producer.md",
        "Content/roles/4913",
        "Content/roles/sedAb12Cd",
        "Content/roles/producer.md___jb_tmp___",
        "Content/roles/producer.md.tmp",
        "Content/roles/PRODUCER.MD.SWP",
        "Content/images/set.png.Part",
        "Content/.git/index",
        "Content/.DS_Store",
        "Templates/layouts/.role.mustache.kate-swp",
        "other/sitegen.yml",
        "",
    ])
    func nonSourcePathIsIgnored(path: String) {
        #expect(ChangeKind.classify(path) == nil)
    }

    @Test func sedScratchRuleKeepsOrdinaryNames() {
        #expect(!ChangeKind.isIgnoredName("sedan.md"))
        #expect(!ChangeKind.isIgnoredName("sedations"))
        #expect(ChangeKind.isIgnoredName("sedX9k2Lm"))
    }

    @Test func watchEventsBecomeAChangeSetRelativeToTheSiteRoot() {
        let events = [
            WatchEvent(path: "/site/Content/roles/a.md", action: .modified),
            WatchEvent(path: "/site/Content/roles/.a.md.swp", action: .created),
            WatchEvent(path: "/site/Templates/assets/site.css", action: .removed),
            WatchEvent(path: "/site/Output/index.html", action: .modified),
            WatchEvent(path: "/elsewhere/Content/b.md", action: .modified),
        ]
        let changes = ChangeSet.from(events, siteRoot: "/site")
        #expect(changes.files == ["Content/roles/a.md": .content, "Templates/assets/site.css": .asset])
        #expect(!changes.isComplete)
        #expect(!changes.affectsEverything)
        #expect(changes.kinds == [.content, .asset])
    }

    @Test func overflowAsksForEverything() {
        let changes = ChangeSet.from([.overflow], siteRoot: "/site")
        #expect(changes.isComplete)
        #expect(changes.affectsEverything)
        #expect(!changes.isEmpty)
    }

    @Test func templateOrConfigChangeAffectsEverything() {
        #expect(ChangeSet(files: ["sitegen.yml": .config]).affectsEverything)
        #expect(ChangeSet(files: ["Templates/layouts/role.mustache": .template]).affectsEverything)
        #expect(!ChangeSet(files: ["Content/a.md": .content]).affectsEverything)
    }

    @Test func ignoredEventsMakeAnEmptyChangeSet() {
        let changes = ChangeSet.from([WatchEvent(path: "/site/Content/.x.swp", action: .created)], siteRoot: "/site/")
        #expect(changes.isEmpty)
    }
}
