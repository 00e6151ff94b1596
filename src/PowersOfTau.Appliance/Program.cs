namespace PowersOfTau.Appliance;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine("tau: PowersOfTau appliance (skeleton)");
        return 0;
    }
}
