import DanVanServer

await DanVanCommand.runMain()
