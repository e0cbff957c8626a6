import Foundation
import SSIConfig
import SSIDomain
import Testing

@Suite struct ConfigurationLoaderTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theEmbeddedDefaultsAreExactlyTheDocumentedFile() throws {
        let file = try String(
            contentsOf: Self.repositoryRoot.appendingPathComponent("config/ssi-log.toml"), encoding: .utf8)
        #expect(ConfigurationLoader.defaultText == file, "run `make embed-config` after editing config/ssi-log.toml")
    }

    @Test func defaultsHaveTheFullCatalog() {
        let model = ConfigurationLoader.defaults().model
        let expected = [
            "profile", "post", "article", "endorsement", "follower", "post-engagement", "search", "profile-view",
            "prospect-view", "lead-save", "account-save", "inbound-view", "comment", "like", "share", "group-join",
            "group-post", "hashtag-follow", "message", "reply", "connect", "accepted", "declined", "withdrawn",
            "connection",
        ]
        #expect(Set(model.actionNames) == Set(expected))
        #expect(model.actions["comment"]?.pillar == .engage)
        #expect(model.tallies["network"]?.tagWeights["decision-maker"] == 3)
    }

    @Test func aUserFileExtendsAndOverridesTheDefaults() throws {
        let text = """
            [actions.comment]
            points = 2.5

            [actions.podcast]
            pillar = "brand"
            points = 4
            daily_cap = 1
            """
        let model = try ConfigurationLoader.load(userText: text, userFile: "user.toml").model
        #expect(model.actions["comment"]?.points == 2.5)
        #expect(model.actions["comment"]?.dailyCap == 10)
        #expect(model.actions["podcast"]?.pillar == .brand)
    }

    @Test func anUnknownKeyIsRefusedWithItsLine() {
        let text = "[score]\nhalf_life_days = 7\nhalf_lfe_days = 9\n"
        #expect {
            try ConfigurationLoader.load(userText: text, userFile: "user.toml")
        } throws: { error in
            let error = error as! ConfigurationError
            return error.file == "user.toml" && error.line == 3 && error.key == "score.half_lfe_days"
                && error.description.contains("unknown key 'half_lfe_days'")
        }
    }

    @Test func aNegativeWeightIsRefusedWithItsLine() {
        let text = "# mine\n[actions.comment]\n\npoints = -1\n"
        #expect {
            try ConfigurationLoader.load(userText: text, userFile: "user.toml")
        } throws: { error in
            let error = error as! ConfigurationError
            return error.line == 4 && error.key == "actions.comment.points" && error.problem.contains("negative")
        }
    }

    @Test func anActionWithoutAPillarIsRefused() {
        let text = "[actions.podcast]\npoints = 1\ndaily_cap = 1\n"
        #expect {
            try ConfigurationLoader.load(userText: text, userFile: "user.toml")
        } throws: { error in
            let error = error as! ConfigurationError
            return error.line == 1 && error.key == "actions.podcast.pillar" && error.problem.contains("missing pillar")
        }
    }

    /// `ssi-log import` and `ssi-log log` are commands: an action of that name could never be typed.
    @Test(arguments: ["import", "log", "verify", "undo", "help"])
    func anActionNamedLikeACommandIsRefused(name: String) {
        let text = "[actions.\(name)]\npillar = \"brand\"\npoints = 1\ndaily_cap = 1\n"
        #expect {
            try ConfigurationLoader.load(userText: text, userFile: "user.toml")
        } throws: { error in
            let error = error as! ConfigurationError
            return error.key == "actions.\(name)" && error.problem.contains("not a command name")
        }
    }

    @Test func anUnknownPillarIsRefused() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(userText: "[pillars.fame]\nscale = 3\n", userFile: "user.toml")
        }
    }

    @Test func invalidTOMLNamesTheLine() {
        #expect {
            try ConfigurationLoader.load(userText: "[score]\nhalf_life_days = = 3\n", userFile: "user.toml")
        } throws: { error in
            (error as! ConfigurationError).line == 2
        }
    }

    @Test func quietHoursMayWrapPastMidnight() throws {
        let alerts = try ConfigurationLoader.load(userText: "[alerts]\nquiet_hours = \"22:00-07:00\"\n", userFile: "u")
            .alerts
        #expect(alerts.isQuiet(minuteOfDay: 23 * 60))
        #expect(alerts.isQuiet(minuteOfDay: 6 * 60 + 59))
        #expect(!alerts.isQuiet(minuteOfDay: 7 * 60))
        #expect(!alerts.isQuiet(minuteOfDay: 12 * 60))
    }
}
