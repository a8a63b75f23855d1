import Foundation
import SitegenCLI

exit(await SitegenCommand.main(arguments: Array(CommandLine.arguments.dropFirst())))
