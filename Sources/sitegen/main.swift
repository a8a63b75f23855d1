import Foundation
import SitegenCLI

exit(SitegenCommand.main(arguments: Array(CommandLine.arguments.dropFirst())))
